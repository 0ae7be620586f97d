package exchange

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// ParseTarget reads a URL as people type it. With http:// or https:// it
// is taken as it is; without a scheme it gets http:// when the host is
// localhost or a loopback address (a local server rarely speaks TLS) and
// https:// otherwise, and note says which was added. Only http and https
// are accepted, with a host, and without a user name or password (they
// would be sent nowhere: give an Authorization header instead).
func ParseTarget(s string) (u *url.URL, note string, err error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return nil, "", errors.New("empty URL")
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return nil, "", fmt.Errorf("%q has spaces or control characters; percent-encode them", clip(s))
	}
	if scheme, rest, ok := strings.Cut(s, ":"); ok && isScheme(scheme) && !strings.HasPrefix(rest, "//") && !startsWithPort(rest) {
		return nil, "", fmt.Errorf("%q: only http:// and https:// URLs can be checked", clip(s))
	}
	if i := strings.Index(s, "://"); i < 0 || strings.ContainsAny(s[:i], "/?#") {
		scheme := "https"
		host := s
		if j := strings.IndexAny(host, "/?#"); j >= 0 {
			host = host[:j]
		}
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.Trim(host, "[]")
		if isLocal(host) {
			scheme = "http"
		}
		s = scheme + "://" + s
		note = "no scheme given: " + scheme + ":// added"
	}
	u, err = url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, "", fmt.Errorf("%q is not a URL: %v", clip(s), err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, "", fmt.Errorf("%q: only http:// and https:// URLs can be checked", clip(s))
	case u.Host == "" || u.Hostname() == "":
		return nil, "", fmt.Errorf("%q has no host", clip(s))
	case u.User != nil:
		return nil, "", fmt.Errorf("%q carries a user name or password, which would not be sent: give an Authorization header instead", clip(s))
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return nil, "", fmt.Errorf("%q has port %q; a port is a number from 1 to 65535", clip(s), clip(p))
		}
	}
	u.Fragment, u.RawFragment = "", "" // never sent
	return u, note, nil
}

// isScheme reports whether s has the syntax of a URI scheme (RFC 3986
// §3.1).
func isScheme(s string) bool {
	for i, c := range s {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return s != ""
}

// startsWithPort reports whether what follows a colon is a port: digits
// up to the end or a path, query or fragment.
func startsWithPort(rest string) bool {
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	port := rest[:end]
	return port != "" && strings.Trim(port, "0123456789") == ""
}

// isLocal reports whether host names this machine.
func isLocal(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// clip shortens user input quoted in an error: at most 80 bytes, cut
// between characters.
func clip(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xc0 == 0x80 {
		cut--
	}
	return s[:cut] + "..."
}
