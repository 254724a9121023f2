/* The network module, MicroPython style (MicroPython docs, "network" and "class LAN"):
 * network.LAN() for the board's one Ethernet interface, and network.hostname().
 * Creating the LAN object brings the interface up (the board: DHCP, OSError(ENODEV) without a
 * device); active(False) is refused, the stack cannot be taken down. On the host the object
 * describes the loopback interface (port_host_net.c): 127.0.0.1/255.0.0.0, no DHCP. */
#include "mod_net.h"

/* MicroPython's status code for an interface with an address (network.STAT_GOT_IP). */
#define STAT_GOT_IP 3

static Type *lan_type;

static Value ip_str(uint32_t a) {
  return str_printf("%u.%u.%u.%u", (unsigned)(a >> 24), (unsigned)(a >> 16) & 255u,
                    (unsigned)(a >> 8) & 255u, (unsigned)a & 255u);
}

static PortNetIf info(void) {
  PortNetIf i;
  port_net_if_info(&i);
  return i;
}

static Value l_active(int n, const Value *a) {
  if (n > 1) {
    if (!py_truth(a[1])) vb_raise_errno(VB_EOPNOTSUPP);
    vb_check(port_net_if_up());
    return NONE;
  }
  return PYBOOL(info().up);
}

static Value l_isconnected(int n, const Value *a) {
  (void)n;
  (void)a;
  PortNetIf i = info();
  return PYBOOL(i.up && i.ip != 0);
}

static Value l_status(int n, const Value *a) {
  (void)n;
  (void)a;
  PortNetIf i = info();
  return MK_SMALL(i.up ? (i.ip ? STAT_GOT_IP : 1) : 0);
}

static Value l_ifconfig(int n, const Value *a) {
  (void)a;
  if (n > 1) vb_raise_errno(VB_EOPNOTSUPP); /* static configuration is set at build time */
  PortNetIf i = info();
  Value v[4] = {ip_str(i.ip), ip_str(i.mask), ip_str(i.gw), ip_str(i.dns)};
  return tuple_from(4, v);
}

static Value l_config(int n, const Value *a) {
  (void)n;
  if (!isinst(a[1], &str_type) || strcmp(str_cstr(a[1]), "mac") != 0) raise_msg(&ValueError_type, "unknown config param");
  PortNetIf i = info();
  return bytes_new(i.mac, 6);
}

/* ipconfig('dhcp4' | 'addr4' | 'gw4'), read only. */
static Value l_ipconfig(int n, const Value *a) {
  (void)n;
  PortNetIf i = info();
  const char *k = isinst(a[1], &str_type) ? str_cstr(a[1]) : "";
  if (strcmp(k, "dhcp4") == 0) return PYBOOL(i.dhcp);
  if (strcmp(k, "addr4") == 0) return tuple2(ip_str(i.ip), ip_str(i.mask));
  if (strcmp(k, "gw4") == 0) return ip_str(i.gw);
  raise_msg(&ValueError_type, "unexpected key");
}

static const MethodDef lan_methods[] = {
    {"active", l_active, 1, 2, 0, MK_METHOD}, {"isconnected", l_isconnected, 1, 1, 0, MK_METHOD},
    {"status", l_status, 1, 2, 0, MK_METHOD}, {"ifconfig", l_ifconfig, 1, 2, 0, MK_METHOD},
    {"config", l_config, 2, 2, 0, MK_METHOD}, {"ipconfig", l_ipconfig, 2, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

static Value lan_make(Type *t, int nargs, int nkw, const Value *a) {
  (void)nargs;
  (void)nkw;
  (void)a;
  vb_check(port_net_if_up());
  return V(obj_alloc(t, sizeof(Obj)));
}

static Value m_hostname(int n, const Value *a) {
  (void)n;
  (void)a;
  char buf[64];
  port_net_hostname(buf, sizeof buf);
  return str_from_cstr(buf);
}

Value mod_network_init(void) {
  static const MethodDef defs[] = {{"hostname", m_hostname, 0, 0, 0, 0}, {NULL, NULL, 0, 0, 0, 0}};
  Value m = module_with_defs("network", defs);
  lan_type = vb_type_new("LAN", sizeof(Obj), lan_make, NULL, lan_methods);
  dict_set_str(((Module *)m)->dict, "LAN", V(lan_type));
  dict_set_str(((Module *)m)->dict, "STAT_GOT_IP", MK_SMALL(STAT_GOT_IP));
  return m;
}
