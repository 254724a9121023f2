/*
 * DNS stub resolver (RFC 1035): A queries to the configured server, a few concurrent lookups,
 * answers cached for their TTL. Non-blocking: dns_lookup returns -EINPROGRESS until done.
 */
#ifndef NET_DNS_H
#define NET_DNS_H

#include <stdint.h>

#define NET_DNS_ENTRIES 4

/* Returns 0 and sets *ip when the name is resolved (dotted quads resolve at once),
 * -EINPROGRESS while a query is outstanding (call again later), -ENOENT (no such name),
 * -ETIMEDOUT (no answer), -ENETUNREACH (no DNS server) or -ENAMETOOLONG. */
int dns_lookup(const char *name, uint32_t *ip);

#endif
