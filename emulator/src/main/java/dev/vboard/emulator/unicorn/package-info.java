/**
 * The binding to Debian's libunicorn.so.2 (Unicorn 2.0.1) and to vboard's own native helper.
 * {@link dev.vboard.emulator.unicorn.UnicornLib} and {@link dev.vboard.emulator.unicorn.HelperLib}
 * mirror the C headers one-to-one; {@link dev.vboard.emulator.unicorn.Unicorn} is the only
 * wrapper, turning error codes into {@link dev.vboard.emulator.unicorn.UnicornException};
 * {@link dev.vboard.emulator.unicorn.NativeLibraries} loads both once, helper first.
 * Knows nothing about ARM exceptions or machines.
 */
package dev.vboard.emulator.unicorn;
