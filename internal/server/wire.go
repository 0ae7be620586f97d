package server

import (
	"encoding/json"
	"net"
	"net/http"
	"net/textproto"
	"strings"
	"sync"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/wire"
)

// Install makes srv send what the catalogue says down to the wire on
// HTTP/1 connections: the catalogue's reason phrase on every status line
// ("413 Content Too Large", "499 Client Closed Request", not net/http's
// older names or "status code 499"), header names in their registered
// case ("WWW-Authenticate", "ETag"), and net/http's own refusals of
// requests it cannot read in the service's JSON error shape (an
// over-long request line as 414). It returns the listener wrapper srv
// must serve with; see package wire for how.
func Install(srv *http.Server) func(net.Listener) net.Listener {
	return wire.Install(srv, wireConfig())
}

// wireConfig is built once: every server shares it.
var wireConfig = sync.OnceValue(func() *wire.Config {
	var phrases [600]string
	for code := 100; code <= 599; code++ {
		phrases[code] = servedMeaning(code).Phrase
	}
	return &wire.Config{
		Phrase: func(code int) string {
			if code < 100 || code > 599 {
				return ""
			}
			return phrases[code]
		},
		Names:   registeredNames(),
		Refusal: renderRefusal,
	}
})

// ownHeaderNames are header names the service sends whose registered
// case Go's canonical form loses, beyond those the catalogue names.
var ownHeaderNames = []string{
	"WWW-Authenticate", "ETag", "RateLimit", "RateLimit-Policy", "RateLimit-Limit",
	"RateLimit-Remaining", "RateLimit-Reset", "Sec-WebSocket-Accept",
	"Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Sec-WebSocket-Version",
	"Content-MD5", "TE", "DNT", "NEL", "X-XSS-Protection", "CDN-Cache-Control",
	"X-DNS-Prefetch-Control", "Expect-CT", "A-IM", "IM",
}

// registeredNames maps Go's canonical form of a header name to its
// registered case, for every name where the two differ: the catalogue's
// header names first, so that the wire follows the catalogue.
func registeredNames() map[string]string {
	names := map[string]string{}
	add := func(name string) {
		if c := textproto.CanonicalMIMEHeaderKey(name); c != name {
			if _, ok := names[c]; !ok {
				names[c] = name
			}
		}
	}
	for _, s := range httpstatus.All() {
		for _, h := range s.Headers {
			add(h.Name)
		}
	}
	for _, n := range ownHeaderNames {
		add(n)
	}
	return names
}

// renderRefusal turns net/http's plain-text refusal of a request it could
// not read into the service's error shape. net/http answers an over-long
// request line with 431; RFC 9110 §15.5.15 gives it 414.
func renderRefusal(code int, text string, overlongTarget bool) (int, string, []byte) {
	_, detail, _ := strings.Cut(text, ": ")
	switch {
	case overlongTarget:
		code = http.StatusRequestURITooLong
		detail = "the request line is longer than this server reads; send a shorter URI (put large data in a request body)"
	case code == http.StatusRequestHeaderFieldsTooLarge:
		detail = "the request header section is larger than this server reads; send fewer or smaller header fields"
	case detail == "":
		detail = "the request could not be read as HTTP/1.1"
	}
	b, _ := json.Marshal(errorBody{Status: code, Error: httpstatus.Text(code), Detail: detail})
	return code, "application/json", append(b, '\n')
}
