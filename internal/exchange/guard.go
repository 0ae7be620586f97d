package exchange

import (
	"net"
	"net/netip"
	"strconv"
	"strings"
)

// Guard keeps a checker run on a public server from becoming a door into
// the server's own network (server-side request forgery). Its Check is a
// NetDialer.CheckIP: it vets every address after DNS resolution, at dial
// time, for every hop, so that neither a name resolving to an internal
// address (DNS rebinding included) nor a redirect can get round it.
type Guard struct {
	// Allow lists prefixes let through although they are refused by
	// default (tests use it to stand a loopback address in for a public
	// host).
	Allow []netip.Prefix
}

// refused are the address ranges a public checker must not reach, each
// with the words that say what it is.
var refused = []struct {
	prefix netip.Prefix
	what   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), `a "this network" address (0.0.0.0/8)`},
	{netip.MustParsePrefix("10.0.0.0/8"), "a private address (RFC 1918)"},
	{netip.MustParsePrefix("100.64.0.0/10"), "a carrier-grade NAT address (RFC 6598)"},
	{netip.MustParsePrefix("127.0.0.0/8"), "a loopback address"},
	{netip.MustParsePrefix("169.254.0.0/16"), "a link-local address (cloud metadata services live there)"},
	{netip.MustParsePrefix("172.16.0.0/12"), "a private address (RFC 1918)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "an IETF protocol address (RFC 6890)"},
	{netip.MustParsePrefix("192.168.0.0/16"), "a private address (RFC 1918)"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking address (RFC 2544)"},
	{netip.MustParsePrefix("224.0.0.0/4"), "a multicast address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address (240.0.0.0/4, broadcast included)"},
	{netip.MustParsePrefix("::/128"), "the unspecified address"},
	{netip.MustParsePrefix("::1/128"), "a loopback address"},
	{netip.MustParsePrefix("fc00::/7"), "a unique local address (IPv6 ULA)"},
	{netip.MustParsePrefix("fe80::/10"), "a link-local address"},
	{netip.MustParsePrefix("fec0::/10"), "a site-local address"},
	{netip.MustParsePrefix("ff00::/8"), "a multicast address"},
	{netip.MustParsePrefix("100::/64"), "a discard-only address"},
}

// Embedding prefixes: IPv6 addresses that carry an IPv4 address a router
// may deliver to (NAT64, 6to4, the deprecated IPv4-compatible form).
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	nat64Kind = netip.MustParsePrefix("64:ff9b:1::/48")
	sixToFour = netip.MustParsePrefix("2002::/16")
	v4compat  = netip.MustParsePrefix("::/96")
)

// Check returns a *BlockedError when ip is not a public unicast address.
// IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible, NAT64 and 6to4 forms are
// judged by the IPv4 address they carry.
func (g *Guard) Check(ip net.IP) error {
	addr, ok := netip.AddrFromSlice(ip)
	if !ok {
		return &BlockedError{IP: ip, Reason: "not an IP address"}
	}
	addr = addr.Unmap().WithZone("")
	for _, p := range g.Allow {
		if p.Contains(addr) {
			return nil
		}
	}
	if what := refusedKind(addr); what != "" {
		return &BlockedError{IP: ip, Reason: what}
	}
	if addr.Is6() {
		if v4, ok := embeddedIPv4(addr); ok {
			if what := refusedKind(v4); what != "" {
				return &BlockedError{IP: ip, Reason: "an IPv6 form of " + v4.String() + ", " + what}
			}
		}
	}
	return nil
}

func refusedKind(addr netip.Addr) string {
	for _, r := range refused {
		if r.prefix.Contains(addr) {
			return r.what
		}
	}
	return ""
}

// embeddedIPv4 is the IPv4 address an IPv6 address carries, if any.
func embeddedIPv4(a netip.Addr) (netip.Addr, bool) {
	b := a.As16()
	switch {
	case nat64.Contains(a), v4compat.Contains(a):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case nat64Kind.Contains(a):
		// RFC 6052 with a /48 prefix: the IPv4 address straddles bit 64.
		return netip.AddrFrom4([4]byte{b[6], b[7], b[9], b[10]}), true
	case sixToFour.Contains(a):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	}
	return netip.Addr{}, false
}

// LiteralIP reads host as an IP address the way resolvers and browsers
// may: a bracketed or plain IPv6 address, dotted IPv4, and the historic
// inet_aton forms (127.1, 0x7f000001, 2130706433, 0177.0.0.1), so that a
// guard can judge them before any lookup. ok is false for a name.
func LiteralIP(host string) (ip net.IP, ok bool) {
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if i := strings.IndexByte(host, '%'); i >= 0 {
		host = host[:i]
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip, true
	}
	parts := strings.Split(host, ".")
	if len(parts) > 4 {
		return nil, false
	}
	vals := make([]uint64, len(parts))
	for i, p := range parts {
		base, digits := 10, p
		switch {
		case strings.HasPrefix(p, "0x") || strings.HasPrefix(p, "0X"):
			base, digits = 16, p[2:]
		case len(p) > 1 && p[0] == '0':
			base, digits = 8, p[1:]
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return nil, false
		}
		vals[i] = v
	}
	// The last part fills the bytes the others leave.
	var n uint64
	for i, v := range vals[:len(vals)-1] {
		if v > 255 {
			return nil, false
		}
		n |= v << (8 * (3 - i))
	}
	last := vals[len(vals)-1]
	if last >= 1<<(8*(5-len(vals))) {
		return nil, false
	}
	n |= last
	return net.IPv4(byte(n>>24), byte(n>>16), byte(n>>8), byte(n)), true
}
