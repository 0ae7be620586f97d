package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestRedirectChains(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, tt := range []struct{ path, location string }{
		{"/redirect/3", "/relative-redirect/2"},
		{"/redirect/1", "/get"},
		{"/relative-redirect/2", "/relative-redirect/1"},
		{"/absolute-redirect/2", ts.URL + "/absolute-redirect/1"},
		{"/redirect/2?absolute=true", ts.URL + "/relative-redirect/1"},
	} {
		resp, _ := get(t, ts.URL+tt.path)
		if resp.StatusCode != 302 || resp.Header.Get("Location") != tt.location {
			t.Errorf("%s: %d Location %q, want 302 %q", tt.path, resp.StatusCode, resp.Header.Get("Location"), tt.location)
		}
	}
	// A following client ends at /get after n hops.
	hops := 0
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { hops++; return nil }}
	resp, err := client.Get(ts.URL + "/redirect/5")
	if err != nil || resp.StatusCode != 200 || resp.Request.URL.Path != "/get" || hops != 5 {
		t.Errorf("following /redirect/5: %v, ended at %v after %d hops", err, resp.Request.URL, hops)
	}
	for _, bad := range []string{"/redirect/0", "/redirect/101", "/redirect/x", "/redirect/01", "/redirect/2?absolute=maybe"} {
		if resp, _ := get(t, ts.URL+bad); resp.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", bad, resp.StatusCode)
		}
	}
}

func TestRedirectTo(t *testing.T) {
	ts, _ := newTestServer(t, Options{AllowRedirectHosts: []string{"example.org"}})
	ok := map[string]string{
		"/redirect-to?url=/get":                                  "/get",
		"/redirect-to?url=https://example.org/a&status_code=307": "https://example.org/a",
	}
	for path, loc := range ok {
		resp, _ := get(t, ts.URL+path)
		if resp.Header.Get("Location") != loc || resp.StatusCode/100 != 3 {
			t.Errorf("%s: %d %q", path, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	if resp, _ := get(t, ts.URL+"/redirect-to?url=/get&status_code=308"); resp.StatusCode != 308 {
		t.Errorf("status_code=308: %d", resp.StatusCode)
	}
	for _, bad := range []string{"/redirect-to", "/redirect-to?url=https://evil.example/", "/redirect-to?url=//evil.example",
		"/redirect-to?url=/get&status_code=200", "/redirect-to?url=/get&status_code=304", "/redirect-to?url=/get&x=1"} {
		if resp, _ := get(t, ts.URL+bad); resp.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", bad, resp.StatusCode)
		}
	}
}

func TestEchoEndpoints(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, body := call(t, "GET", ts.URL+"/get?a=1&a=2", http.Header{"X-Hello": {"world"}}, nil)
	var e echo
	if err := json.Unmarshal([]byte(body), &e); err != nil || resp.StatusCode != 200 {
		t.Fatalf("/get: %d %v", resp.StatusCode, err)
	}
	if e.Method != "GET" || len(e.Args["a"]) != 2 || e.Headers.Get("X-Hello") != "world" || e.Origin != "127.0.0.1" || !strings.HasSuffix(e.URL, "/get?a=1&a=2") {
		t.Errorf("/get echo %+v", e)
	}
	if resp, _ := call(t, "POST", ts.URL+"/get", nil, nil); resp.StatusCode != 405 || resp.Header.Get("Allow") == "" {
		t.Errorf("POST /get: %d Allow=%q", resp.StatusCode, resp.Header.Get("Allow"))
	}

	_, body = call(t, "PUT", ts.URL+"/anything/x/y", http.Header{"Content-Type": {"application/json"}}, strings.NewReader(`{"k":[1,2]}`))
	e = echo{}
	json.Unmarshal([]byte(body), &e)
	if e.Method != "PUT" || e.Data == nil || *e.Data != `{"k":[1,2]}` || e.JSON == nil {
		t.Errorf("/anything JSON echo: %s", body)
	}
	_, body = call(t, "POST", ts.URL+"/anything", http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, strings.NewReader("a=b&c=d"))
	e = echo{}
	json.Unmarshal([]byte(body), &e)
	if e.Form.Get("a") != "b" || e.Form.Get("c") != "d" {
		t.Errorf("/anything form echo: %s", body)
	}
	resp, _ = call(t, "POST", ts.URL+"/anything", http.Header{"Content-Type": {"application/json"}}, strings.NewReader(`{nope`))
	if resp.StatusCode != 400 {
		t.Errorf("bad JSON body: %d", resp.StatusCode)
	}
}

func TestDelay(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxDelay: time.Second})
	start := time.Now()
	resp, body := get(t, ts.URL+"/delay/0.2")
	if resp.StatusCode != 200 || time.Since(start) < 200*time.Millisecond || !strings.Contains(body, `"method": "GET"`) {
		t.Errorf("/delay/0.2: %d after %v", resp.StatusCode, time.Since(start))
	}
	if !strings.HasPrefix(resp.Header.Get("Server-Timing"), "initial_delay;dur=200") {
		t.Errorf("Server-Timing %q", resp.Header.Get("Server-Timing"))
	}
	for _, bad := range []string{"/delay/2", "/delay/-1", "/delay/abc", "/delay/NaN", "/delay/1e300"} {
		if resp, _ := get(t, ts.URL+bad); resp.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", bad, resp.StatusCode)
		}
	}
}

func TestAuthEndpoints(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	req := func(method, path string, set func(*http.Request)) *http.Response {
		r, _ := http.NewRequest(method, ts.URL+path, nil)
		if set != nil {
			set(r)
		}
		resp, err := noRedirects.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := req("GET", "/basic-auth/ann/secret", nil); resp.StatusCode != 401 || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Basic ") {
		t.Errorf("no credentials: %d %q", resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	}
	if resp := req("GET", "/basic-auth/ann/secret", func(r *http.Request) { r.SetBasicAuth("ann", "wrong") }); resp.StatusCode != 401 {
		t.Errorf("wrong password: %d", resp.StatusCode)
	}
	if resp := req("GET", "/basic-auth/ann/secret", func(r *http.Request) { r.SetBasicAuth("ann", "secret") }); resp.StatusCode != 200 {
		t.Errorf("right password: %d", resp.StatusCode)
	}
	if resp := req("GET", "/hidden-basic-auth/ann/secret", nil); resp.StatusCode != 404 {
		t.Errorf("hidden without credentials: %d", resp.StatusCode)
	}
	if resp := req("GET", "/hidden-basic-auth/ann/secret", func(r *http.Request) { r.SetBasicAuth("ann", "secret") }); resp.StatusCode != 200 {
		t.Errorf("hidden with credentials: %d", resp.StatusCode)
	}
	if resp := req("GET", "/bearer", nil); resp.StatusCode != 401 || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("bearer without token: %d %q", resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	}
	if resp := req("GET", "/bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer abc") }); resp.StatusCode != 200 {
		t.Errorf("bearer with token: %d", resp.StatusCode)
	}
}

func TestCachingEndpoints(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, _ := get(t, ts.URL+"/cache")
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == "" || resp.Header.Get("Last-Modified") == "" {
		t.Errorf("/cache: %d %v", resp.StatusCode, resp.Header)
	}
	resp, body := call(t, "GET", ts.URL+"/cache", http.Header{"If-None-Match": {resp.Header.Get("ETag")}}, nil)
	if resp.StatusCode != 304 || body != "" {
		t.Errorf("/cache conditional: %d %q", resp.StatusCode, body)
	}
	if resp, _ := get(t, ts.URL+"/cache/60"); resp.Header.Get("Cache-Control") != "public, max-age=60" {
		t.Errorf("/cache/60: %q", resp.Header.Get("Cache-Control"))
	}
	if resp, _ := get(t, ts.URL+"/cache/-1"); resp.StatusCode != 400 {
		t.Errorf("/cache/-1: %d", resp.StatusCode)
	}
	for _, tt := range []struct {
		header, value string
		want          int
	}{
		{"", "", 200},
		{"If-None-Match", `"abc"`, 304},
		{"If-None-Match", `"other"`, 200},
		{"If-Match", `"abc"`, 200},
		{"If-Match", `"other"`, 412},
	} {
		h := http.Header{}
		if tt.header != "" {
			h.Set(tt.header, tt.value)
		}
		resp, _ := call(t, "GET", ts.URL+"/etag/abc", h, nil)
		if resp.StatusCode != tt.want || resp.Header.Get("ETag") != `"abc"` {
			t.Errorf("/etag/abc with %s %s: %d, want %d", tt.header, tt.value, resp.StatusCode, tt.want)
		}
	}
}

func TestRangeEndpoint(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, body := get(t, ts.URL+"/range/30")
	if resp.StatusCode != 200 || body != "abcdefghijklmnopqrstuvwxyzabcd" || resp.Header.Get("Accept-Ranges") != "bytes" {
		t.Errorf("/range/30: %d %q", resp.StatusCode, body)
	}
	resp, body = call(t, "GET", ts.URL+"/range/30", http.Header{"Range": {"bytes=26-29"}}, nil)
	if resp.StatusCode != 206 || body != "abcd" || resp.Header.Get("Content-Range") != "bytes 26-29/30" {
		t.Errorf("/range/30 bytes=26-29: %d %q %q", resp.StatusCode, body, resp.Header.Get("Content-Range"))
	}
	resp, _ = call(t, "GET", ts.URL+"/range/30", http.Header{"Range": {"bytes=40-"}}, nil)
	if resp.StatusCode != 416 || resp.Header.Get("Content-Range") != "bytes */30" {
		t.Errorf("/range/30 bytes=40-: %d %q", resp.StatusCode, resp.Header.Get("Content-Range"))
	}
	if resp, _ := get(t, ts.URL+"/range/0"); resp.StatusCode != 400 {
		t.Errorf("/range/0: %d", resp.StatusCode)
	}
}

func TestResponseHeadersEndpoint(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, body := get(t, ts.URL+"/response-headers?X-One=1&X-Two=a&X-Two=b")
	if resp.StatusCode != 200 || resp.Header.Get("X-One") != "1" || len(resp.Header.Values("X-Two")) != 2 || !strings.Contains(body, `"X-One"`) {
		t.Errorf("/response-headers: %d %v %q", resp.StatusCode, resp.Header, body)
	}
	for _, bad := range []string{"Content-Type=text/html", "Location=https://evil.example", "Bad%20Name=x", "X-A=" + url.QueryEscape("a\r\nb: c")} {
		if resp, _ := get(t, ts.URL+"/response-headers?"+bad); resp.StatusCode != 400 {
			t.Errorf("/response-headers?%s: %d, want 400", bad, resp.StatusCode)
		}
	}
}

func TestRateLimitEndpoint(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	path := ts.URL + "/ratelimit?limit=2&window=1m&key=test"
	for i, want := range []int{200, 200, 429, 429} {
		resp, body := get(t, path)
		if resp.StatusCode != want {
			t.Fatalf("request %d: %d, want %d (%s)", i+1, resp.StatusCode, want, body)
		}
		if resp.Header.Get("RateLimit-Limit") != "2" || resp.Header.Get("RateLimit-Policy") == "" {
			t.Errorf("request %d: RateLimit fields %v", i+1, resp.Header)
		}
		if want == 429 {
			if ra := resp.Header.Get("Retry-After"); ra == "" || ra == "0" || resp.Header.Get("RateLimit-Remaining") != "0" {
				t.Errorf("429 Retry-After %q Remaining %q", ra, resp.Header.Get("RateLimit-Remaining"))
			}
		}
	}
	if resp, _ := get(t, ts.URL+"/ratelimit?limit=2&window=1m&key=other"); resp.StatusCode != 200 {
		t.Errorf("another key is limited: %d", resp.StatusCode)
	}
	for _, bad := range []string{"limit=0", "limit=x", "window=0s", "window=2h", "key=" + strings.Repeat("k", 200), "limt=2"} {
		if resp, _ := get(t, ts.URL+"/ratelimit?"+bad); resp.StatusCode != 400 {
			t.Errorf("/ratelimit?%s: %d, want 400", clip(bad), resp.StatusCode)
		}
	}
}

func TestWindowCountsAreBounded(t *testing.T) {
	c := newWindowCounts(10)
	now := time.Now()
	for i := 0; i < 10; i++ {
		if ok, _, _ := c.hit(strconv.Itoa(i), 1, time.Hour, now.Add(time.Duration(i)*time.Second)); !ok {
			t.Fatal("first hit refused")
		}
	}
	later := now.Add(time.Minute)
	if ok, _, _ := c.hit("new", 1, time.Hour, later); !ok {
		t.Error("a new key was refused because the table is full of live windows")
	}
	if len(c.keys) > 10 {
		t.Errorf("%d keys kept, at most 10 allowed", len(c.keys))
	}
	if _, oldest := c.keys["0"]; oldest {
		t.Error("the oldest window was kept and a newer one evicted")
	}
	if _, newest := c.keys["9"]; !newest {
		t.Error("the newest window was evicted")
	}
	if ok, _, _ := c.hit("9", 1, time.Hour, later); ok {
		t.Error("a live window kept its count but admitted a request over its limit")
	}
	if ok, _, _ := c.hit("9", 1, time.Hour, now.Add(2*time.Hour)); !ok {
		t.Error("an expired window still refuses")
	}
}

// TestRateLimitTableFullStillServesNewcomers fills /ratelimit's table
// with hour-long windows, as one abusive client can, and checks that a
// new key and the per-IP default are still served, and that every
// Retry-After is the real time left in the window.
func TestRateLimitTableFullStillServesNewcomers(t *testing.T) {
	ts, s := newTestServer(t, Options{})
	now := time.Now()
	for i := 0; i < s.windows.maxKeys; i++ {
		s.windows.hit("key:abuse"+strconv.Itoa(i)+"|1", 1, time.Hour, now)
	}
	for _, path := range []string{"/ratelimit?key=newcomer&limit=1&window=1h", "/ratelimit", "/ratelimit?key=second&limit=5"} {
		if resp, body := get(t, ts.URL+path); resp.StatusCode != 200 {
			t.Errorf("%s with a full table: %d %s", path, resp.StatusCode, body)
		}
	}
	resp, body := get(t, ts.URL+"/ratelimit?key=newcomer&limit=1&window=1h")
	ra, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
	if resp.StatusCode != 429 || ra < 3590 || ra > 3600 {
		t.Errorf("over the limit of an hour-long window: %d Retry-After %q (want about 3600) %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	if n := len(s.windows.keys); n > s.windows.maxKeys {
		t.Errorf("%d keys kept; the bound is %d", n, s.windows.maxKeys)
	}
}

func TestUpload(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxBodyBytes: 100})
	tests := []struct {
		method, query string
		header        http.Header
		body          string
		want          int
	}{
		{"POST", "", nil, "hello", 200},
		{"PUT", "", nil, "hello", 200},
		{"GET", "", nil, "", 405},
		{"POST", "", nil, strings.Repeat("x", 101), 413},
		{"POST", "?accept=application/json", http.Header{"Content-Type": {"text/plain"}}, "x", 415},
		{"POST", "?accept=application/json", http.Header{"Content-Type": {"application/json; charset=utf-8"}}, "{}", 200},
		{"POST", "", http.Header{"Expect": {"something-else"}}, "x", 417},
		{"POST", "?require_length=maybe", nil, "x", 400},
	}
	for _, tt := range tests {
		resp, body := call(t, tt.method, ts.URL+"/upload"+tt.query, tt.header, strings.NewReader(tt.body))
		if resp.StatusCode != tt.want {
			t.Errorf("%s /upload%s: %d, want %d (%s)", tt.method, tt.query, resp.StatusCode, tt.want, body)
		}
		if tt.want == 405 && resp.Header.Get("Allow") != "POST, PUT" {
			t.Errorf("405 Allow %q", resp.Header.Get("Allow"))
		}
	}
	// 411 needs a request without Content-Length: chunked on the wire.
	raw := rawExchange(t, ts, "POST /upload?require_length=1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n", time.Second)
	if !strings.HasPrefix(raw, "HTTP/1.1 411 Length Required\r\n") {
		t.Errorf("chunked upload with require_length=1: %q", firstLine(raw))
	}
	// A body declared too large is refused before it is sent: no 100 Continue.
	raw = rawExchange(t, ts, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n", time.Second)
	if !strings.HasPrefix(raw, "HTTP/1.1 413 ") || strings.Contains(raw, "100 Continue") {
		t.Errorf("oversized upload with Expect: %q", firstLine(raw))
	}
	conn := dial(t, ts)
	conn.Write([]byte("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"))
	if got := readFor(t, conn, 500*time.Millisecond); !strings.HasPrefix(got, "HTTP/1.1 100 Continue\r\n") {
		t.Fatalf("Expect: 100-continue got %q", got)
	}
	conn.Write([]byte("hello"))
	if got := readFor(t, conn, time.Second); !strings.HasPrefix(got, "HTTP/1.1 200 OK\r\n") || !strings.Contains(got, `"received_bytes": 5`) {
		t.Errorf("after the body: %q", got)
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\r\n")
	return l
}

func TestNegotiateEndpoint(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for accept, want := range map[string]string{"application/json": "application/json", "text/html": "text/html; charset=utf-8", "": "application/json", "text/*": "text/plain"} {
		resp, _ := call(t, "GET", ts.URL+"/negotiate", http.Header{"Accept": {accept}}, nil)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != want || resp.Header.Get("Vary") != "Accept" {
			t.Errorf("Accept %q: %d %q", accept, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	resp, body := call(t, "GET", ts.URL+"/negotiate", http.Header{"Accept": {"image/png"}}, nil)
	if resp.StatusCode != 406 || !strings.Contains(body, "application/json, text/plain, text/html") {
		t.Errorf("unsatisfiable Accept: %d %q", resp.StatusCode, body)
	}
}

func TestHealthAndNotFound(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	if resp, body := get(t, ts.URL+"/healthz"); resp.StatusCode != 200 || body != "ok\n" {
		t.Errorf("/healthz: %d %q", resp.StatusCode, body)
	}
	if resp, _ := call(t, "POST", ts.URL+"/healthz", nil, nil); resp.StatusCode != 405 {
		t.Errorf("POST /healthz: %d", resp.StatusCode)
	}
	resp, body := get(t, ts.URL+"/no/such/thing")
	var e errorBody
	if resp.StatusCode != 404 || json.Unmarshal([]byte(body), &e) != nil || e.Status != 404 {
		t.Errorf("unknown path: %d %q", resp.StatusCode, body)
	}
}

// TestConditionalAndRangeErrorsInErrorShape: /range and /etag evaluate
// preconditions and ranges themselves, and their 412 and 416 are in the
// one error shape (http.ServeContent's were plain text).
func TestConditionalAndRangeErrorsInErrorShape(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, c := range []struct {
		path          string
		header        http.Header
		status        int
		contentRange  string
		detailOrBody  string
		multipartBody bool
	}{
		{"/range/30", http.Header{"Range": {"bytes=40-"}}, 416, "bytes */30", "selects nothing of the 30 bytes", false},
		{"/range/30", http.Header{"Range": {"bytes=-0"}}, 416, "bytes */30", "selects nothing", false},
		{"/range/30", http.Header{"Range": {"bytes=" + strings.Repeat("0-0,", 17) + "0-0"}}, 416, "bytes */30", "more than 16 ranges", false},
		{"/range/30", http.Header{"Range": {"bytes=x-y"}}, 200, "", "abcdefghijklmnopqrstuvwxyzabcd", false},
		{"/range/30", http.Header{"Range": {"lines=1-2"}}, 200, "", "abcdefghijklmnopqrstuvwxyzabcd", false},
		{"/range/30", http.Header{"Range": {"bytes=0-1,28-"}}, 206, "", "Content-Range: bytes 28-29/30", true},
		{"/range/30", http.Header{"Range": {"bytes=-3"}}, 206, "bytes 27-29/30", "bcd", false},
		{"/range/30", http.Header{"Range": {"bytes=0-1"}, "If-Range": {`"range30"`}}, 206, "bytes 0-1/30", "ab", false},
		{"/range/30", http.Header{"Range": {"bytes=0-1"}, "If-Range": {`"other"`}}, 200, "", "abcdefghijklmnopqrstuvwxyzabcd", false},
		{"/range/30", http.Header{"Range": {"bytes=0-1"}, "If-Range": {`W/"range30"`}}, 200, "", "abcdefghijklmnopqrstuvwxyzabcd", false},
		{"/range/30", http.Header{"If-None-Match": {`W/"range30"`}}, 304, "", "", false},
		{"/range/30", http.Header{"If-Match": {`"a", "range30"`}}, 200, "", "abcdefghijklmnopqrstuvwxyzabcd", false},
		{"/range/30", http.Header{"If-Match": {`W/"range30"`}}, 412, "", "does not match the current entity tag", false},
		{"/etag/abc", http.Header{"If-Match": {`"other"`}}, 412, "", `If-Match "other" does not match`, false},
		{"/etag/abc", http.Header{"If-Match": {`*`}}, 200, "", `"url"`, false},
		{"/etag/abc", http.Header{"If-None-Match": {`"x", W/"abc"`}}, 304, "", "", false},
		{"/etag/abc", http.Header{"If-None-Match": {`*`}}, 304, "", "", false},
		{"/etag/abc", http.Header{"If-None-Match": {`abc`}}, 200, "", `"url"`, false},
		{"/etag/abc", http.Header{"Range": {"bytes=99999-"}}, 416, "bytes */", "selects nothing", false},
	} {
		t.Run(c.path+" "+fmt.Sprint(c.header), func(t *testing.T) {
			resp, body := call(t, http.MethodGet, ts.URL+c.path, c.header, nil)
			if resp.StatusCode != c.status {
				t.Fatalf("%d, want %d: %.200s", resp.StatusCode, c.status, body)
			}
			if c.contentRange != "" && !strings.HasPrefix(resp.Header.Get("Content-Range"), c.contentRange) {
				t.Errorf("Content-Range %q, want %q", resp.Header.Get("Content-Range"), c.contentRange)
			}
			switch {
			case c.status >= 400:
				assertErrorShape(t, resp, body, c.detailOrBody)
			case c.status == 304:
				if body != "" || resp.Header.Get("ETag") == "" {
					t.Errorf("304 with body %q, ETag %q", body, resp.Header.Get("ETag"))
				}
			case c.multipartBody:
				if !strings.HasPrefix(resp.Header.Get("Content-Type"), "multipart/byteranges; boundary=") || !strings.Contains(body, c.detailOrBody) {
					t.Errorf("multipart: %q %q", resp.Header.Get("Content-Type"), body)
				}
			case !strings.Contains(body, c.detailOrBody):
				t.Errorf("body %.200q lacks %q", body, c.detailOrBody)
			}
		})
	}
	resp, body := call(t, http.MethodHead, ts.URL+"/range/30", http.Header{"Range": {"bytes=0-9"}}, nil)
	if resp.StatusCode != 200 || body != "" || resp.Header.Get("Content-Length") != "30" {
		t.Errorf("HEAD with Range: %d %q Content-Length %q (a Range on HEAD is ignored)", resp.StatusCode, body, resp.Header.Get("Content-Length"))
	}
}

// FuzzETagList: any If-Match/If-None-Match value is read without a panic,
// and a list naming the tag matches it wherever it stands.
func FuzzETagList(f *testing.F) {
	for _, s := range []string{`"a"`, `W/"a", "b"`, `*`, ``, `"`, `W/`, `"a" "b"`, `,,"a",`, `W/"a"x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		etagListMatches(list, `"tag"`, true)
		etagListMatches(list, `"tag"`, false)
		if strings.ContainsAny(list, `"`) || strings.TrimSpace(list) == "*" {
			return
		}
		if !etagListMatches(`"tag", `+`"`+list+`"`, `"tag"`, false) {
			t.Fatalf("a list starting with the tag does not match: %q", list)
		}
	})
}
