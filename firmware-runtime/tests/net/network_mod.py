# The network module exists on vbpy only (MicroPython's API); on the host port it describes the
# loopback interface. CPython has no such module, so the checks are assertions and both print
# the same.
try:
    import network
except ImportError:
    network = None

if network is not None:
    lan = network.LAN()
    assert lan.active() is True
    assert lan.isconnected() is True
    assert lan.status() == network.STAT_GOT_IP
    assert lan.ifconfig() == ("127.0.0.1", "255.0.0.0", "0.0.0.0", "0.0.0.0"), lan.ifconfig()
    assert lan.ipconfig("addr4") == ("127.0.0.1", "255.0.0.0")
    assert lan.ipconfig("dhcp4") is False
    assert len(lan.config("mac")) == 6
    assert isinstance(network.hostname(), str) and network.hostname()
    try:
        lan.active(False)
        assert False, "active(False) accepted"
    except OSError as e:
        assert e.errno == 95
    try:
        lan.config("essid")
        assert False, "unknown parameter accepted"
    except ValueError:
        pass
print("network ok")
