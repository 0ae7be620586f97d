package server

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Absolute URLs (the Location of /absolute-redirect, the echo's "url",
// the inspector's report) must name this service. The Host header is the
// client's word for that, and a client or a proxy can send anything in
// it: behind a cache that keys on the path, Host: evil.example would make
// everyone's redirect go there. So a public deployment names itself with
// --public-url, and without it the Host is used only once it is a plain
// host[:port]: never userinfo, never empty, never another scheme.

// ParsePublicURL checks a --public-url: an http or https URL with a host
// and nothing else (no user, path, query or fragment). It returns it in
// the form absolute URLs start with, such as "https://status.example".
func ParsePublicURL(s string) (string, error) {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return "", fmt.Errorf("%q is not a URL: %v", clip(s), err)
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("%q must start with http:// or https://", clip(s))
	case u.User != nil:
		return "", fmt.Errorf("%q must not carry a user name or password", clip(s))
	case u.Path != "" && u.Path != "/" || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" || u.ForceQuery:
		return "", fmt.Errorf("%q must be scheme://host[:port] only: the service answers at the root of its host", clip(s))
	}
	if err := checkHost(u.Host); err != nil {
		return "", fmt.Errorf("%q: %v", clip(s), err)
	}
	return u.Scheme + "://" + strings.ToLower(u.Host), nil
}

// checkHost accepts a Host value that is a host name, IPv4 address or
// bracketed IPv6 address, with an optional port.
func checkHost(hostport string) error {
	if hostport == "" {
		return errors.New("the host is empty")
	}
	host, port := hostport, ""
	if strings.HasPrefix(hostport, "[") {
		end := strings.IndexByte(hostport, ']')
		if end < 0 {
			return fmt.Errorf("host %q opens an IPv6 address with [ and never closes it", clip(hostport))
		}
		host, port = hostport[1:end], hostport[end+1:]
		if ip := net.ParseIP(host); ip == nil || ip.To4() != nil && !strings.Contains(host, ":") {
			return fmt.Errorf("host %q: %q is not an IPv6 address", clip(hostport), clip(host))
		}
		if port != "" && !strings.HasPrefix(port, ":") {
			return fmt.Errorf("host %q has something after the IPv6 address that is not a :port", clip(hostport))
		}
		port = strings.TrimPrefix(port, ":")
	} else if i := strings.LastIndexByte(hostport, ':'); i >= 0 {
		host, port = hostport[:i], hostport[i+1:]
		if host == "" {
			return fmt.Errorf("host %q has a port but no host", clip(hostport))
		}
	}
	if !strings.HasPrefix(hostport, "[") {
		if len(host) > 253 {
			return fmt.Errorf("host name is %d characters; DNS names have at most 253", len(host))
		}
		for _, c := range []byte(host) {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_') {
				return fmt.Errorf("host %q has %q, which a host name cannot hold (letters, digits, '-', '.' and '_' only; no user name, path or spaces)", clip(hostport), string(rune(c)))
			}
		}
		if strings.Trim(host, ".") == "" {
			return fmt.Errorf("host %q has no name", clip(hostport))
		}
	}
	if port != "" || strings.HasSuffix(hostport, ":") {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || len(port) > 5 {
			return fmt.Errorf("host %q has port %q; a port is a number from 1 to 65535", clip(hostport), clip(port))
		}
	}
	return nil
}

// baseURL is how absolute URLs on this service start: --public-url when
// set, otherwise the scheme and the request's Host once it is checked.
// The error says why the Host cannot serve (missing or malformed).
func (s *server) baseURL(r *http.Request) (string, error) {
	if s.publicURL != "" {
		return s.publicURL, nil
	}
	if r.Host == "" {
		return "", errors.New("an absolute URL needs the host this server was reached by, and the request has no Host header: send one (HTTP/1.1 requires it), or start the server with --public-url")
	}
	if err := checkHost(r.Host); err != nil {
		return "", fmt.Errorf("an absolute URL needs the host this server was reached by, and the Host header is no host: %v", err)
	}
	return s.scheme(r) + "://" + strings.ToLower(r.Host), nil
}

// scheme is the scheme the client used: https on TLS, or behind a trusted
// proxy that says so in X-Forwarded-Proto; http otherwise.
func (s *server) scheme(r *http.Request) string {
	if r.TLS != nil || s.opts.TrustProxy && strings.EqualFold(strings.TrimSpace(r.Header.Get("X-Forwarded-Proto")), "https") {
		return "https"
	}
	return "http"
}

// selfURL is the base of a URL the service reports rather than sends the
// client to (the echo's "url", the inspector's report): --public-url, else
// the checked Host, else the address the connection really reached.
func (s *server) selfURL(r *http.Request) string {
	if base, err := s.baseURL(r); err == nil {
		return base
	}
	return s.scheme(r) + "://" + localAddress(r)
}

// localAddress is the address this connection was accepted on, the one
// name of this server that no header can change.
func localAddress(r *http.Request) string {
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok && a.Network() == "tcp" {
		return a.String()
	}
	return "localhost"
}
