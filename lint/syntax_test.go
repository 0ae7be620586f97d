package lint

import (
	"bufio"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestChallengeProblem(t *testing.T) {
	valid := []string{
		`Basic realm="x", charset="UTF-8"`, // RFC 7617: must not be flagged
		`Bearer`, `Negotiate`, `Negotiate YIIFyQYGKwYBBQUCoIIFvTCCBbmgMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCqKCBYMEggV/==`,
		`Bearer realm="api", error="invalid_token", error_description="The access token expired"`,
		`Digest realm="x", qop="auth,auth-int", nonce="abc", opaque="def", algorithm=SHA-256`,
		`Basic realm="a", Bearer realm="b"`, `Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`,
		`, Basic realm="x",`,
	}
	for _, v := range valid {
		t.Run(v, func(t *testing.T) {
			if p := challengeProblem(v); p != "" {
				t.Errorf("flagged a valid challenge list: %s", p)
			}
		})
	}
	invalid := []string{``, `realm="x"`, `Basic realm="x`, `Basic realm="x" charset="y"`, `Basic a=b c`, `"Basic"`} // "Basic realm=" is a token68
	for _, v := range invalid {
		t.Run("invalid "+v, func(t *testing.T) {
			if p := challengeProblem(v); p == "" {
				t.Errorf("%q passed", v)
			}
		})
	}
}

func TestContentRangeProblem(t *testing.T) {
	for _, tc := range []struct {
		v    string
		code int
		ok   bool
	}{
		{"bytes 0-9/20", 206, true}, {"bytes 0-9/*", 206, true}, {"bytes */20", 416, true},
		{"items 1-2/3", 206, true}, // other units are opaque
		{"bytes 9-0/20", 206, false}, {"bytes 0-20/20", 206, false}, {"bytes 0-9", 206, false},
		{"bytes 0-9/20", 416, false}, {"bytes */*", 416, false}, {"bytes", 206, false},
	} {
		t.Run(tc.v, func(t *testing.T) {
			if got := contentRangeProblem(tc.v, tc.code) == ""; got != tc.ok {
				t.Errorf("%q on %d: valid = %v, want %v", tc.v, tc.code, got, tc.ok)
			}
		})
	}
}

func TestLocationProblem(t *testing.T) {
	for _, tc := range []struct {
		v  string
		ok bool
	}{
		{"/a/b?c=d#e", true}, {"https://example.com/%E2%82%AC", true}, {"../up", true}, {"//cdn.example/x", true},
		{"/a b", false}, {"/a\tb", false}, {"/%zz", false}, {"/€", false}, {"", false}, {"/a<b>", false},
	} {
		t.Run(tc.v, func(t *testing.T) {
			if got := locationProblem(tc.v) == ""; got != tc.ok {
				t.Errorf("%q: valid = %v, want %v", tc.v, got, tc.ok)
			}
		})
	}
}

// checkMessages are what every finding's message must be: one line of
// printable text.
func checkMessages(t *testing.T, fs []Finding) {
	for _, f := range fs {
		if f.Message == "" || !utf8.ValidString(f.Message) || strings.ContainsAny(f.Message, "\r\n") {
			t.Fatalf("bad message in %+v", f)
		}
		if _, ok := RuleByID(f.Rule); !ok {
			t.Fatalf("finding of an unknown rule %q", f.Rule)
		}
	}
}

func FuzzChallenge(f *testing.F) {
	for _, s := range []string{`Basic realm="x", charset="UTF-8"`, `Negotiate abc==`, `Digest a="b,c", d=e`, `Basic realm="x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) { challengeProblem(v) })
}

func FuzzFieldSyntax(f *testing.F) {
	f.Add("bytes 0-9/20", "/a b", "Wed, 21 Oct 2026 07:28:00 GMT")
	f.Fuzz(func(t *testing.T, cr, loc, ra string) {
		contentRangeProblem(cr, 206)
		contentRangeProblem(cr, 416)
		locationProblem(loc)
		h := http.Header{"Retry-After": {ra}, "Content-Range": {cr}, "Location": {loc}}
		checkMessages(t, Check(Exchange{Request: Request{Method: "GET", URL: "http://x/"}, Response: Response{StatusCode: 503, Header: h}}))
	})
}

// FuzzCheck lints any response that net/http can parse: no panic, and
// every finding a known rule with a one-line message.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nhello",
		"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"success\": false}",
		"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\r\n\r\n",
		"HTTP/1.1 302 Found\r\nLocation: http://x/\r\n\r\n",
		"HTTP/1.1 999 Weird\r\nCache-Control: max-age=99999999999999999999\r\n\r\n",
	} {
		f.Add(s, "GET")
	}
	f.Fuzz(func(t *testing.T, raw, method string) {
		resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(raw)), nil)
		if err != nil {
			return
		}
		var body [1 << 12]byte
		n, _ := resp.Body.Read(body[:])
		ex := Exchange{
			Request:  Request{Method: method, URL: "https://example.test/a/b", Proto: "HTTP/1.1", Header: http.Header{"Range": {"bytes=0-1"}}},
			Response: Response{Proto: resp.Proto, StatusCode: resp.StatusCode, Header: resp.Header, Body: body[:n], Excess: int64(n % 3)},
		}
		fs := CheckChain([]Exchange{ex, ex})
		checkMessages(t, fs)
	})
}
