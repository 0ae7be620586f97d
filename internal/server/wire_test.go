package server

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// rawRequest sends one raw request and returns the parsed answers: the
// interim ones, then the final one with its body read.
func rawRequest(t *testing.T, addr, request string) []*http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	br := bufio.NewReader(conn)
	method, _, _ := strings.Cut(request, " ")
	var out []*http.Response
	for {
		resp, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			t.Fatalf("reading the answer to %.60q: %v", request, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body = io.NopCloser(strings.NewReader(string(body)))
		out = append(out, resp)
		if resp.StatusCode >= 200 {
			return out
		}
	}
}

// rawHead sends one raw request and returns the bytes answered up to the
// end of the final head, exactly as sent.
func rawHead(t *testing.T, addr, request string) string {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	go io.WriteString(conn, request)
	var out strings.Builder
	buf := make([]byte, 32<<10)
	for {
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		n, err := conn.Read(buf)
		out.Write(buf[:n])
		s := out.String()
		// Done at the end of a head that is not interim.
		if i := strings.LastIndex(s, "\r\n\r\n"); i >= 0 {
			start := strings.LastIndex(s[:i], "HTTP/1.")
			if start >= 0 && len(s) >= start+12 && (s[start+9] != '1' || s[start+9:start+12] == "101") {
				return s
			}
		}
		if err != nil {
			return s
		}
	}
}

// TestReasonPhrasesOnTheWire: the status line carries the catalogue's
// phrase, reason= sets another (or none), and bad ones are refused.
func TestReasonPhrasesOnTheWire(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	addr := ts.Listener.Addr().String()
	for _, tc := range []struct{ path, want string }{
		{"/status/413", "HTTP/1.1 413 Content Too Large\r\n"},
		{"/status/422", "HTTP/1.1 422 Unprocessable Content\r\n"},
		{"/status/499", "HTTP/1.1 499 Client Closed Request\r\n"},
		{"/status/418", "HTTP/1.1 418 I'm a teapot\r\n"},
		{"/status/104", "HTTP/1.1 104 Upload Resumption Supported\r\n"},
		{"/status/200?reason=Fine%20Thanks", "HTTP/1.1 200 Fine Thanks\r\n"},
		{"/status/503?reason=", "HTTP/1.1 503 \r\n"},
		{"/status/103?reason=Done", "HTTP/1.1 103 Early Hints\r\n"}, // reason= is the final response's
		{"/status/103?reason=Done", "HTTP/1.1 200 Done\r\n"},
		{"/status/200?reason=%C3%A9t%C3%A9", "HTTP/1.1 200 \xc3\xa9t\xc3\xa9\r\n"}, // obs-text is allowed
		{"/get", "HTTP/1.1 200 OK\r\n"},
		{"/no-such-page", "HTTP/1.1 404 Not Found\r\n"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			got := rawHead(t, addr, "GET "+tc.path+" HTTP/1.1\r\nHost: x\r\n\r\n")
			if !strings.Contains(got, tc.want) {
				t.Errorf("want %q in:\n%s", tc.want, got)
			}
			if strings.Contains(got, "status code") {
				t.Errorf("net/http's placeholder phrase:\n%s", got)
			}
		})
	}
	for _, bad := range []string{"reason=a%0Db", "reason=a%0Ab", "reason=a%00b", "reason=" + strings.Repeat("x", maxReason+1), "reason=a&reason=b"} {
		t.Run(bad[:min(len(bad), 20)], func(t *testing.T) {
			resp, body := get(t, ts.URL+"/status/200?"+bad)
			if resp.StatusCode != 400 || !strings.Contains(body, "reason") {
				t.Errorf("%d %s", resp.StatusCode, body)
			}
		})
	}
}

// TestKeepAliveKeepsPhrasesApart: a custom phrase belongs to its own
// response only, on a connection that carries several.
func TestKeepAliveKeepsPhrasesApart(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	br := bufio.NewReader(conn)
	for i, tc := range []struct{ path, status string }{
		{"/status/200?reason=One", "200 One"},
		{"/status/200", "200 OK"},
		{"/status/413?reason=", "413 "},
		{"/status/413", "413 Content Too Large"},
	} {
		io.WriteString(conn, "GET "+tc.path+" HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		io.Copy(io.Discard, resp.Body)
		if resp.Status != tc.status || resp.Close {
			t.Errorf("request %d %s: %q (close %v), want %q on the same connection", i, tc.path, resp.Status, resp.Close, tc.status)
		}
	}
}

// TestHeaderNamesInRegisteredCase: names whose registered case Go's
// canonical form loses go out in the registered case.
func TestHeaderNamesInRegisteredCase(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	addr := ts.Listener.Addr().String()
	for _, tc := range []struct{ request, want, unwanted string }{
		{"GET /status/401 HTTP/1.1\r\nHost: x\r\n\r\n", "\r\nWWW-Authenticate: Bearer", "Www-Authenticate"},
		{"GET /status/200 HTTP/1.1\r\nHost: x\r\n\r\n", "\r\nETag: \"200-text\"\r\n", "Etag"},
		{"GET /status/429 HTTP/1.1\r\nHost: x\r\n\r\n", "\r\nRateLimit-Policy: ", "Ratelimit"},
		{"GET /etag/abc HTTP/1.1\r\nHost: x\r\n\r\n", "\r\nETag: \"abc\"\r\n", "Etag"},
		{"GET /status/101 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
			"\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", "Sec-Websocket"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			got := rawHead(t, addr, tc.request)
			if !strings.Contains(got, tc.want) || strings.Contains(got, tc.unwanted) {
				t.Errorf("want %q and no %q in:\n%s", tc.want, tc.unwanted, got)
			}
		})
	}
}

// TestOverlongRequestLineIs414 at every length: below net/http's own
// limit the middleware answers, above it the wire layer does; both in
// the JSON error shape. Over-long header fields stay 431.
func TestOverlongRequestLineIs414(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxURIBytes: 4 << 10})
	addr := ts.Listener.Addr().String()
	for _, tc := range []struct {
		name, request string
		code          int
	}{
		{"over --max-uri", "GET /status/200?x=" + strings.Repeat("a", 8<<10) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414},
		{"1 MiB", "GET /status/200?x=" + strings.Repeat("a", 1<<20) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414},
		{"4 MiB, never finished", "GET /" + strings.Repeat("a", 4<<20), 414},
		{"a 2 MiB header field", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 2<<20) + "\r\n\r\n", 431},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := rawHead(t, addr, tc.request)
			resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(got)), nil)
			if err != nil {
				t.Fatalf("%v in %.300q", err, got)
			}
			var e errorBody
			if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || resp.StatusCode != tc.code || e.Status != tc.code || resp.Header.Get("Content-Type") != "application/json" {
				t.Errorf("%d %v %+v, want %d in the error shape", resp.StatusCode, err, e, tc.code)
			}
		})
	}
}

// TestNoInterimToHTTP10: RFC 9110 §15.2: an HTTP/1.0 client is never
// sent a 1xx; the final answer says it was withheld.
func TestNoInterimToHTTP10(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	addr := ts.Listener.Addr().String()
	for _, path := range []string{"/status/103", "/status/100", "/status/104?then=201", "/status/102?sleep=1100ms", "/status/102"} {
		t.Run(path, func(t *testing.T) {
			got := rawHead(t, addr, "GET "+path+" HTTP/1.0\r\n\r\n")
			if lines := statusLine.FindAllString(got, -1); len(lines) != 1 || strings.HasPrefix(lines[0], "HTTP/1.0 1") {
				t.Errorf("interim sent to HTTP/1.0:\n%s", got)
			}
			if !strings.Contains(got, interimWithheldHeader+": 10") {
				t.Errorf("no %s:\n%s", interimWithheldHeader, got)
			}
			// The same to HTTP/1.1 does get the interim response.
			resps := rawRequest(t, addr, "GET "+path+" HTTP/1.1\r\nHost: x\r\n\r\n")
			if len(resps) < 2 || resps[0].StatusCode >= 200 || resps[len(resps)-1].Header.Get(interimWithheldHeader) != "" {
				t.Errorf("HTTP/1.1: %d answers", len(resps))
			}
		})
	}
}

// statusLine finds the status lines in a raw answer.
var statusLine = regexp.MustCompile(`(?m)^HTTP/1\.[01] [0-9]{3}`)

// TestProcessingHeartbeats: sleep=2500ms sends 102 at 0, 1 and 2 s, and
// no fourth one just before the final answer.
func TestProcessingHeartbeats(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resps := rawRequest(t, ts.Listener.Addr().String(), "GET /status/102?sleep=2500ms HTTP/1.1\r\nHost: x\r\n\r\n")
	if len(resps) != 4 || resps[3].StatusCode != 200 {
		t.Fatalf("%d answers, want three 102s and a 200", len(resps))
	}
	for _, r := range resps[:3] {
		if r.StatusCode != 102 {
			t.Errorf("interim %d", r.StatusCode)
		}
	}
}

// TestExposeHeadersOnInterimResponses: the CORS wildcard, also on 1xx.
func TestExposeHeadersOnInterimResponses(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	got := rawHead(t, ts.Listener.Addr().String(), "GET /status/103 HTTP/1.1\r\nHost: x\r\n\r\n")
	interim, _, _ := strings.Cut(got, "\r\n\r\n")
	if !strings.HasPrefix(interim, "HTTP/1.1 103 Early Hints\r\n") || !strings.Contains(interim, "\r\nAccess-Control-Expose-Headers: *") {
		t.Errorf("interim head:\n%s", interim)
	}
}

// TestConditionalRequestsOnStatus: preconditions are evaluated as RFC
// 9110 §13.2.2 says wherever the answer would otherwise be 2xx.
func TestConditionalRequestsOnStatus(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, tc := range []struct {
		method, path, header, value string
		code                        int
		etag                        string
	}{
		{"GET", "/status/200", "If-None-Match", `"200-text"`, 304, `"200-text"`},
		{"HEAD", "/status/200", "If-None-Match", `W/"200-text"`, 304, `"200-text"`}, // weak comparison
		{"GET", "/status/200", "If-None-Match", `"other", "200-text"`, 304, `"200-text"`},
		{"GET", "/status/200", "If-None-Match", `*`, 304, `"200-text"`},
		{"GET", "/status/200", "If-None-Match", `"other"`, 200, `"200-text"`},
		{"POST", "/status/200", "If-None-Match", `"200-text"`, 412, ""},
		{"GET", "/status/200", "If-Match", `"other"`, 412, ""},
		{"GET", "/status/200", "If-Match", `W/"200-text"`, 412, ""}, // strong comparison
		{"GET", "/status/200", "If-Match", `"200-text"`, 200, `"200-text"`},
		{"PUT", "/status/204", "If-Match", `*`, 204, ""},
		{"PUT", "/status/204", "If-Match", `"x"`, 412, ""}, // no current tag matches a listed one
		{"GET", "/status/226", "If-None-Match", `"226-text"`, 304, `"226-text"`},
		{"GET", "/status/404", "If-None-Match", `*`, 404, ""}, // not 2xx: preconditions do not apply
		{"GET", "/status/200?type=json", "If-None-Match", `"200-json"`, 304, `"200-json"`},
	} {
		t.Run(tc.method+" "+tc.path+" "+tc.header+" "+tc.value, func(t *testing.T) {
			resp, body := call(t, tc.method, ts.URL+tc.path, http.Header{tc.header: {tc.value}}, nil)
			if resp.StatusCode != tc.code || resp.Header.Get("ETag") != tc.etag {
				t.Errorf("%d ETag %q, want %d %q", resp.StatusCode, resp.Header.Get("ETag"), tc.code, tc.etag)
			}
			if tc.code == 304 && body != "" {
				t.Errorf("a 304 with content %q", body)
			}
			if tc.code == 412 && !strings.Contains(body, `"status":412`) {
				t.Errorf("412 not in the error shape: %s", body)
			}
		})
	}
}

// TestRangeOnStatus206: a Range that does not parse is ignored (200 with
// everything), one that selects nothing is 416 with bytes */N in the
// error shape.
func TestRangeOnStatus206(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	full := "206 Partial Content\n"
	for _, tc := range []struct {
		rng, contentRange, body string
		code                    int
	}{
		{"", "bytes 0-9/20", full[:10], 206},
		{"bytes=0-3", "bytes 0-3/20", "206 ", 206},
		{"bytes=-4", "bytes 16-19/20", full[16:], 206},
		{"bytes=x-y", "", "200 OK\n", 200},
		{"items=0-3", "", "200 OK\n", 200},
		{"bytes=100-200", "bytes */20", "", 416},
	} {
		t.Run(tc.rng, func(t *testing.T) {
			resp, body := call(t, "GET", ts.URL+"/status/206", http.Header{"Range": {tc.rng}}, nil)
			if resp.StatusCode != tc.code || resp.Header.Get("Content-Range") != tc.contentRange {
				t.Errorf("%d Content-Range %q, want %d %q", resp.StatusCode, resp.Header.Get("Content-Range"), tc.code, tc.contentRange)
			}
			if tc.code == 416 {
				if !strings.Contains(body, `"status":416`) {
					t.Errorf("416 not in the error shape: %s", body)
				}
			} else if body != tc.body {
				t.Errorf("body %q, want %q", body, tc.body)
			}
		})
	}
	resp, _ := call(t, "GET", ts.URL+"/range/20", http.Header{"Range": {"bytes=x-y"}}, nil)
	if resp.StatusCode != 200 {
		t.Errorf("/range with a Range that does not parse: %d", resp.StatusCode)
	}
}

// TestChallenges: 401 and 407 default to Bearer, which no browser
// answers with a login dialog; challenge= picks another scheme.
func TestChallenges(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, tc := range []struct{ path, header, prefix string }{
		{"/status/401", "WWW-Authenticate", `Bearer realm="httpstatus"`},
		{"/status/401?challenge=basic", "WWW-Authenticate", `Basic realm="httpstatus", charset="UTF-8"`},
		{"/status/401?challenge=digest", "WWW-Authenticate", `Digest realm="httpstatus", qop="auth", algorithm=SHA-256, nonce="`},
		{"/status/401?challenge=bearer", "WWW-Authenticate", `Bearer realm="httpstatus"`},
		{"/status/407", "Proxy-Authenticate", `Bearer realm="httpstatus proxy"`},
		{"/status/407?challenge=basic", "Proxy-Authenticate", `Basic realm="httpstatus proxy"`},
		{"/status/100?then=401&challenge=basic", "WWW-Authenticate", `Basic realm=`},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, _ := get(t, ts.URL+tc.path)
			if v := resp.Header.Values(tc.header); len(v) != 1 || !strings.HasPrefix(v[0], tc.prefix) {
				t.Errorf("%s %q, want one starting %q", tc.header, v, tc.prefix)
			}
		})
	}
	for _, bad := range []string{"/status/401?challenge=ntlm", "/status/200?challenge=basic", "/status/401?challenge=basic&challenge=digest"} {
		resp, body := get(t, ts.URL+bad)
		if resp.StatusCode != 400 || !strings.Contains(body, "challenge") {
			t.Errorf("%s: %d %s", bad, resp.StatusCode, body)
		}
	}
}
