package dev.vboard.emulator.board;

import dev.vboard.emulator.bus.MmioDevice;

/**
 * Builds one device model from its board-file entry. Built-in models are listed in
 * {@link DeviceTypes}; others (e.g. a network controller wired to the netstack) are supplied
 * through {@link BoardWiring#withDeviceModel}.
 */
@FunctionalInterface
public interface DeviceFactory {
  MmioDevice create(DeviceContext context);
}
