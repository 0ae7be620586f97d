package server

import (
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestAbsoluteLocations: absolute Locations come from --public-url when
// it is set, whatever Host or absolute-form target the request carries;
// without it, from a checked Host, and a missing or malformed Host is a
// 400 rather than "http:///get".
func TestAbsoluteLocations(t *testing.T) {
	public, _ := newTestServer(t, Options{PublicURL: "https://Status.Example/"})
	plain, _ := newTestServer(t, Options{})
	plainHost := strings.TrimPrefix(plain.URL, "http://")
	cases := []struct {
		name     string
		public   bool
		request  string
		status   int
		location string // wanted Location, or the error detail for a 400
	}{
		{"public: evil Host", true, "GET /absolute-redirect/2 HTTP/1.1\r\nHost: evil.example\r\n\r\n", 302, "https://status.example/absolute-redirect/1"},
		{"public: absolute-form target", true, "GET http://evil.example/absolute-redirect/2 HTTP/1.1\r\nHost: x\r\n\r\n", 302, "https://status.example/absolute-redirect/1"},
		{"public: empty Host", true, "GET /absolute-redirect/1 HTTP/1.1\r\nHost:\r\n\r\n", 302, "https://status.example/get"},
		{"public: HTTP/1.0 without Host", true, "GET /redirect/2?absolute=true HTTP/1.0\r\n\r\n", 302, "https://status.example/relative-redirect/1"},
		{"public: forwarded proto ignored", true, "GET /absolute-redirect/1 HTTP/1.1\r\nHost: a\r\nX-Forwarded-Proto: http\r\n\r\n", 302, "https://status.example/get"},
		{"Host names the server", false, "GET /absolute-redirect/1 HTTP/1.1\r\nHost: " + plainHost + "\r\n\r\n", 302, "http://" + plainHost + "/get"},
		{"Host in capitals", false, "GET /absolute-redirect/1 HTTP/1.1\r\nHost: LOCALHOST:8080\r\n\r\n", 302, "http://localhost:8080/get"},
		{"IPv6 Host", false, "GET /absolute-redirect/1 HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", 302, "http://[::1]:8080/get"},
		{"empty Host", false, "GET /absolute-redirect/2 HTTP/1.1\r\nHost:\r\n\r\n", 400, "no Host header"},
		{"HTTP/1.0 without Host", false, "GET /absolute-redirect/2 HTTP/1.0\r\n\r\n", 400, "no Host header"},
		{"userinfo in Host (net/http refuses it first)", false, "GET /absolute-redirect/2 HTTP/1.1\r\nHost: user@evil.example\r\n\r\n", 400, ""},
		{"port out of range", false, "GET /absolute-redirect/2 HTTP/1.1\r\nHost: a:99999\r\n\r\n", 400, `port "99999"`},
		{"port without host", false, "GET /absolute-redirect/2 HTTP/1.1\r\nHost: :80\r\n\r\n", 400, "no host"},
		{"comma in Host", false, "GET /absolute-redirect/2 HTTP/1.1\r\nHost: a.example,b.example\r\n\r\n", 400, `has ","`},
		{"percent in Host", false, "GET /redirect/2?absolute=true HTTP/1.1\r\nHost: a%2f.example\r\n\r\n", 400, `has "%"`},
		{"relative redirects need no Host", false, "GET /redirect/2 HTTP/1.0\r\n\r\n", 302, "/relative-redirect/1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := plain
			if c.public {
				ts = public
			}
			resps := readResponses(t, rawExchange(t, ts, c.request, 300*time.Millisecond))
			if len(resps) != 1 {
				t.Fatalf("%d responses", len(resps))
			}
			resp := resps[0]
			if resp.StatusCode != c.status {
				t.Fatalf("%d, want %d (Location %q)", resp.StatusCode, c.status, resp.Header.Get("Location"))
			}
			if c.status == 400 {
				if resp.Header.Get("Location") != "" {
					t.Errorf("a 400 with Location %q", resp.Header.Get("Location"))
				}
				_, body, _ := strings.Cut(rawExchange(t, ts, c.request, 300*time.Millisecond), "\r\n\r\n")
				if strings.HasPrefix(c.name, "userinfo") {
					if !strings.Contains(body, "malformed Host header") {
						t.Errorf("net/http's own refusal changed: %q", body)
					}
					return
				}
				assertErrorShape(t, resp, body, c.location)
				return
			}
			if got := resp.Header.Get("Location"); got != c.location {
				t.Errorf("Location %q, want %q", got, c.location)
			}
		})
	}
	// The 400's detail says what is wrong.
	resp, body := call(t, http.MethodGet, plain.URL+"/absolute-redirect/1", nil, nil)
	if resp.StatusCode != 200 && resp.StatusCode != 302 {
		t.Fatalf("a normal request: %d %s", resp.StatusCode, body)
	}
	raw := rawExchange(t, plain, "GET /absolute-redirect/2 HTTP/1.1\r\nHost: evil.example:80'\r\nAccept: application/json\r\n\r\n", 300*time.Millisecond)
	_, errBody, _ := strings.Cut(raw, "\r\n\r\n")
	var e errorBody
	if json.Unmarshal([]byte(errBody), &e) != nil || e.Status != 400 || !strings.Contains(e.Detail, "port") {
		t.Errorf("the 400 does not say why: %q", errBody)
	}
}

// TestEchoURL: the echo's "url" names this service the same way, falling
// back to the address the connection reached when the Host is unusable.
func TestEchoURL(t *testing.T) {
	public, _ := newTestServer(t, Options{PublicURL: "https://status.example"})
	plain, _ := newTestServer(t, Options{})
	local := strings.TrimPrefix(plain.URL, "http://")
	for _, c := range []struct {
		ts      string
		request string
		want    string
	}{
		{public.URL, "GET /get?a=1 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", "https://status.example/get?a=1"},
		{plain.URL, "GET /get HTTP/1.1\r\nHost: a.example:81\r\nConnection: close\r\n\r\n", "http://a.example:81/get"},
		{plain.URL, "GET /get HTTP/1.0\r\n\r\n", "http://" + local + "/get"},
		{plain.URL, "GET /get HTTP/1.1\r\nHost: evil.example,other.example\r\nConnection: close\r\n\r\n", "http://" + local + "/get"},
	} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(c.ts, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		conn.Write([]byte(c.request))
		raw := readFor(t, conn, 500*time.Millisecond)
		conn.Close()
		_, body, _ := strings.Cut(raw, "\r\n\r\n")
		var e struct{ URL string }
		if err := json.Unmarshal([]byte(body), &e); err != nil || e.URL != c.want {
			t.Errorf("%q: url %q, want %q (%v)", c.request, e.URL, c.want, err)
		}
	}
}

// TestInspectorReportsWhatItRequested: a caller's Host naming another
// port (or another server) does not make the inspector claim it fetched
// that server: the report names the address really reached, and an
// absolute redirect to the other host is shown, not followed.
func TestInspectorReportsWhatItRequested(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	local := strings.TrimPrefix(ts.URL, "http://")
	other := "127.0.0.1:1"
	body := `{"path":"/absolute-redirect/2"}`
	request := "POST /api/v1/inspect HTTP/1.1\r\nHost: " + other + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
		strconv.Itoa(len(body)) + "\r\n\r\n" + body
	raw := rawExchange(t, ts, request, 2*time.Second)
	_, js, _ := strings.Cut(raw, "\r\n\r\n")
	var rep inspectReport
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatalf("%v: %.300s", err, raw)
	}
	if rep.URL != "http://"+local+"/absolute-redirect/2" || strings.Contains(rep.Curl, other) {
		t.Errorf("url %q curl %q; want the address reached, %s", rep.URL, rep.Curl, local)
	}
	for _, ex := range rep.Exchanges {
		if !strings.Contains(ex.Request.Raw, "\r\nHost: "+local+"\r\n") {
			t.Errorf("request sent with another Host: %q", ex.Request.Raw)
		}
		if ex.Redirect != nil && strings.Contains(ex.Redirect.Location, other) {
			t.Errorf("followed a Location on %s: %+v", other, ex.Redirect)
		}
	}
	if rep.Status != 200 || rep.Redirects != 2 {
		t.Errorf("status %d after %d redirects, error %q", rep.Status, rep.Redirects, rep.Error)
	}

	pub, _ := newTestServer(t, Options{PublicURL: "https://status.example"})
	rep = inspectVia(t, pub.URL, `{"path":"/absolute-redirect/2"}`)
	if rep.URL != "https://status.example/absolute-redirect/2" || rep.Redirects != 2 || rep.Status != 200 {
		t.Errorf("with --public-url: url %q, %d redirects, status %d, error %q", rep.URL, rep.Redirects, rep.Status, rep.Error)
	}
}

func TestParsePublicURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://status.example":      "https://status.example",
		"https://Status.Example/":     "https://status.example",
		"http://127.0.0.1:8080":       "http://127.0.0.1:8080",
		"http://[::1]:8080":           "http://[::1]:8080",
		"https://a.example:443":       "https://a.example:443",
		"ftp://a.example":             "",
		"https://u:p@a.example":       "",
		"https://a.example/prefix":    "",
		"https://a.example/?x=1":      "",
		"https://a.example/#f":        "",
		"https://":                    "",
		"a.example":                   "",
		"https://a.example:0":         "",
		"https://a_b.example:70000":   "",
		"javascript:alert(1)":         "",
		"https://a.example\\@evil.ex": "",
	} {
		got, err := ParsePublicURL(in)
		if want == "" {
			if err == nil {
				t.Errorf("ParsePublicURL(%q) = %q, want an error", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("ParsePublicURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// FuzzCheckHost: whatever checkHost accepts, a URL built on it has
// exactly that host, no user and the path that follows.
func FuzzCheckHost(f *testing.F) {
	for _, s := range []string{"a.example", "a.example:80", "[::1]:8080", "u@h", "h/p", "", ":", "[", "[::1", "1.2.3.4", "a..b", "_:1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, host string) {
		if checkHost(host) != nil {
			return
		}
		u, err := url.Parse("http://" + host + "/p")
		if err != nil || u.Host != host || u.User != nil || u.Path != "/p" {
			t.Fatalf("checkHost accepted %q, but http://%s/p parses as host %q user %v path %q (%v)", host, host, u.Host, u.User, u.Path, err)
		}
	})
}
