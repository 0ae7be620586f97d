package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/httpstatus/httpstatus"
)

// headersNotSent are catalogue headers the test service leaves to the
// HTTP stack or the body: Date comes from net/http itself, Content-Type
// only with content.
var headersNotSent = map[string]bool{"Date": true, "Content-Type": true, "Content-Length": true}

// TestEveryRegisteredCode checks the per-code rules for every code in the
// registry: the status, the headers the catalogue marks required or
// recommended, no content where content is forbidden, and nosniff.
func TestEveryRegisteredCode(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, entry := range httpstatus.All() {
		if entry.Registry == httpstatus.Unofficial {
			continue
		}
		code := entry.Code
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			resp, body := get(t, ts.URL+"/status/"+strconv.Itoa(code))
			want := code
			switch {
			case code == http.StatusSwitchingProtocols:
				want = http.StatusUpgradeRequired // no WebSocket handshake sent
			case code < 200:
				want = http.StatusOK // the final response after the interim one
			}
			if resp.StatusCode != want {
				t.Fatalf("status %d, want %d; body %q", resp.StatusCode, want, body)
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no X-Content-Type-Options: nosniff")
			}
			final := servedMeaning(want)
			for _, h := range final.Headers {
				if h.Requirement == httpstatus.Optional || headersNotSent[textproto.CanonicalMIMEHeaderKey(h.Name)] {
					continue
				}
				if textproto.CanonicalMIMEHeaderKey(h.Name) == "Connection" && resp.Close {
					continue // Go's client consumes "Connection: close" into resp.Close
				}
				if resp.Header.Get(h.Name) == "" {
					t.Errorf("the catalogue marks %s %s for %d but the response has none", h.Name, h.Requirement, want)
				}
			}
			if final.Body == httpstatus.BodyForbidden {
				if body != "" {
					t.Errorf("%d must not carry content, got %q", want, body)
				}
				if want != http.StatusResetContent && (resp.Header.Get("Content-Type") != "" || len(resp.Header.Values("Content-Length")) > 0) {
					t.Errorf("%d must have neither Content-Type nor Content-Length: %v", want, resp.Header)
				}
			} else if body == "" {
				t.Errorf("%d has no body", want)
			}
			if (want == 201 || want == 301 || want == 302 || want == 303 || want == 307 || want == 308) && resp.Header.Get("Location") == "" {
				t.Errorf("%d without Location", want)
			}

			head, headBody := call(t, http.MethodHead, ts.URL+"/status/"+strconv.Itoa(code), nil, nil)
			if head.StatusCode != want || headBody != "" {
				t.Errorf("HEAD: status %d, body %q", head.StatusCode, headBody)
			}
		})
	}
}

func TestSpecificCodeHeaders(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	tests := []struct {
		code   int
		header string
		want   string // part of the value
	}{
		{401, "WWW-Authenticate", "Bearer realm="},
		{407, "Proxy-Authenticate", "Bearer realm="},
		{405, "Allow", "POST"},
		{426, "Upgrade", "websocket"},
		{426, "Connection", "Upgrade"},
		{429, "Retry-After", "5"},
		{429, "RateLimit-Limit", ""},
		{429, "RateLimit-Remaining", "0"},
		{429, "RateLimit-Policy", "q="},
		{503, "Retry-After", "5"},
		{416, "Content-Range", "bytes */"},
		{301, "Location", "/status/200"},
		{201, "Location", "/status/200"},
		{103, "Link", "rel=preload"},
	}
	for _, tt := range tests {
		resp, _ := get(t, ts.URL+"/status/"+strconv.Itoa(tt.code))
		if v := resp.Header.Get(tt.header); v == "" || !strings.Contains(v, tt.want) {
			t.Errorf("%d: %s = %q, want it to contain %q", tt.code, tt.header, v, tt.want)
		}
	}
}

func TestTeapot(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, body := call(t, "GET", ts.URL+"/status/418", http.Header{"Accept": {"application/json"}}, nil)
	var v statusJSON
	if err := json.Unmarshal([]byte(body), &v); err != nil || resp.StatusCode != 418 {
		t.Fatalf("418: %d %q", resp.StatusCode, body)
	}
	if v.Phrase != "I'm a teapot" || v.URL != "/418" || v.Summary == "" {
		t.Errorf("418 body %+v", v)
	}
}

func TestPartialContent(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	full := "0123456789abcdefghij"
	resp, body := call(t, "GET", ts.URL+"/status/206?body="+full, http.Header{"Range": {"bytes=5-9"}}, nil)
	if resp.StatusCode != 206 || body != "56789" || resp.Header.Get("Content-Range") != "bytes 5-9/20" {
		t.Errorf("206 with Range: %d %q %q", resp.StatusCode, body, resp.Header.Get("Content-Range"))
	}
	resp, body = call(t, "GET", ts.URL+"/status/206?body="+full, nil, nil)
	if resp.StatusCode != 206 || body != full[:10] || resp.Header.Get("Content-Range") != "bytes 0-9/20" {
		t.Errorf("206 without Range: %d %q %q", resp.StatusCode, body, resp.Header.Get("Content-Range"))
	}
	resp, body = call(t, "GET", ts.URL+"/status/206?body="+full, http.Header{"Range": {"bytes=0-1,18-"}}, nil)
	if resp.StatusCode != 206 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "multipart/byteranges; boundary=") ||
		!strings.Contains(body, "Content-Range: bytes 0-1/20") || !strings.Contains(body, "Content-Range: bytes 18-19/20") {
		t.Errorf("206 with two ranges: %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	resp, _ = call(t, "GET", ts.URL+"/status/416?body="+full, nil, nil)
	if resp.Header.Get("Content-Range") != "bytes */20" {
		t.Errorf("416 Content-Range %q", resp.Header.Get("Content-Range"))
	}
}

func TestContentNegotiation(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	tests := []struct {
		accept, ctype, contains string
	}{
		{"", "text/plain; charset=utf-8", "404 Not Found\n"},
		{"application/json", "application/json", `"phrase":"Not Found"`},
		{"text/html", "text/html; charset=utf-8", `<a href="/404">`},
		{"text/html;q=0.5, application/json", "application/json", `"url":"/404"`},
		{"image/png", "text/plain; charset=utf-8", "404 Not Found"},
	}
	for _, tt := range tests {
		resp, body := call(t, "GET", ts.URL+"/status/404", http.Header{"Accept": {tt.accept}}, nil)
		if resp.Header.Get("Content-Type") != tt.ctype || !strings.Contains(body, tt.contains) {
			t.Errorf("Accept %q: %q %q", tt.accept, resp.Header.Get("Content-Type"), body)
		}
	}
	_, body := get(t, ts.URL+"/status/404?type=json")
	if !strings.Contains(body, `"code":404`) {
		t.Errorf("type=json: %q", body)
	}
	// Negotiated bodies say so, and each representation has its own tag.
	text, _ := call(t, "GET", ts.URL+"/status/200", nil, nil)
	js, _ := call(t, "GET", ts.URL+"/status/200", http.Header{"Accept": {"application/json"}}, nil)
	if text.Header.Get("Vary") != "Accept" || js.Header.Get("Vary") != "Accept" {
		t.Errorf("negotiated bodies without Vary: Accept: %q %q", text.Header.Get("Vary"), js.Header.Get("Vary"))
	}
	if text.Header.Get("ETag") == "" || text.Header.Get("ETag") == js.Header.Get("ETag") {
		t.Errorf("text and JSON share the entity tag %q", text.Header.Get("ETag"))
	}
	custom, _ := get(t, ts.URL+"/status/200?body=hi")
	if custom.Header.Get("Vary") != "" || !strings.HasPrefix(custom.Header.Get("ETag"), `W/"`) {
		t.Errorf("custom body: Vary %q ETag %q", custom.Header.Get("Vary"), custom.Header.Get("ETag"))
	}
}

func TestStatusOptions(t *testing.T) {
	ts, _ := newTestServer(t, Options{AllowRedirectHosts: []string{"example.com"}})
	ok := []struct {
		path   string
		status int
		header string
		value  string
		body   string
	}{
		{"/status/200?header=X-Test:yes", 200, "X-Test", "yes", ""},
		{"/status/200?header=X-Test:%20spaced%20", 200, "X-Test", "spaced", ""},
		{"/status/200?body=hello", 200, "Content-Type", "text/plain; charset=utf-8", "hello"},
		{"/status/200?body=%3Cscript%3Ealert(1)%3C/script%3E", 200, "Content-Type", "text/plain; charset=utf-8", "<script>alert(1)</script>"},
		{"/status/400?body=%7B%22a%22%3A1%7D&type=json", 400, "Content-Type", "application/json", `{"a":1}`},
		{"/status/302?location=/somewhere", 302, "Location", "/somewhere", ""},
		{"/status/302?location=https://example.com/x", 302, "Location", "https://example.com/x", ""},
		{"/status/503?retry_after=120", 503, "Retry-After", "120", ""},
		{"/status/429?retry_after=Wed,%2021%20Oct%202026%2007:28:00%20GMT", 429, "Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT", ""},
		{"/status/200:0,500:1", 500, "", "", ""},
		{"/status/200:1,500:0", 200, "", "", ""},
		{"/status/100?then=404", 404, "", "", ""},
		{"/status/200?sleep=50", 200, "", "", ""},
		{"/status/200?sleep=50ms", 200, "", "", ""},
	}
	for _, tt := range ok {
		resp, body := get(t, ts.URL+tt.path)
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d (%s)", tt.path, resp.StatusCode, tt.status, body)
			continue
		}
		if tt.header != "" && resp.Header.Get(tt.header) != tt.value {
			t.Errorf("%s: %s = %q, want %q", tt.path, tt.header, resp.Header.Get(tt.header), tt.value)
		}
		if tt.body != "" && body != tt.body {
			t.Errorf("%s: body %q, want %q", tt.path, body, tt.body)
		}
	}
}

// TestBadParameters checks that every bad input is a 400 in the one error
// shape, saying what is wrong.
func TestBadParameters(t *testing.T) {
	ts, _ := newTestServer(t, Options{AllowRedirectHosts: []string{"example.com"}})
	long := strings.Repeat("200,", 100) + "200"
	tests := []struct {
		path   string
		detail string
	}{
		{"/status/", "no status code"},
		{"/status/abc", "not a status code"},
		{"/status/99", "not a status code"},
		{"/status/600", "outside the valid range"},
		{"/status/2000", "not a status code"},
		{"/status/200,", "empty code"},
		{"/status/200:0,500:0", "positive, finite sum"},
		{"/status/200:-1,500:1", "negative"},
		{"/status/200:NaN", "not a finite number"},
		{"/status/200:Inf", "not a finite number"},
		{"/status/200:1e309", "not a finite number"},
		{"/status/" + long, "at most 100"},
		{"/status/200?sleep=20s", "over the maximum 10s"},
		{"/status/200?sleep=20000", "over the maximum 10s"},
		{"/status/200?sleep=-5", "negative"},
		{"/status/200?sleep=soon", "neither milliseconds"},
		{"/status/200?sleep=1&sleep=2", "given 2 times"},
		{"/status/200?header=NoColon", "has no colon"},
		{"/status/200?header=Bad%20Name:x", "not a valid field name"},
		{"/status/200?header=X-A:b%0d%0aInjected:1", "CR, LF"},
		{"/status/200?header=Content-Length:5", "frames the message"},
		{"/status/200?header=Transfer-Encoding:chunked", "frames the message"},
		{"/status/200?header=Connection:close", "hop-by-hop"},
		{"/status/200?header=Content-Type:text/html", "never served as HTML"},
		{"/status/200?header=Location:https://evil.example", "location="},
		{"/status/200?type=html", "never served as HTML"},
		{"/status/200?type=json&body=%7Bnope", "not valid JSON"},
		{"/status/200?body=" + strings.Repeat("x", 65<<10), "at most 65536"},
		{"/status/204?body=x", "cannot carry a body"},
		{"/status/304?body=x", "cannot carry a body"},
		{"/status/302?location=https://evil.example/", "not allowed"},
		{"/status/302?location=//evil.example/", "not allowed"},
		{"/status/302?location=javascript:alert(1)", "only relative URLs"},
		{"/status/302?location=/a%0d%0aX:1", "control characters"},
		{"/status/200?location=/x", "only applies to 201 and 3xx"},
		{"/status/503?retry_after=soon", "neither a number of seconds"},
		{"/status/200?fault=explode", "fault \"explode\" is unknown"},
		{"/status/204?fault=truncate", "needs a body"},
		{"/status/200?then=404", "no code in the list is 1xx"},
		{"/status/100?then=101", "must be 2xx-5xx"},
		{"/status/200?seed=-1", "not a whole number"},
		{"/status/200?colour=red", "unknown parameter \"colour\""},
		{"/random/", "no such endpoint"},
		{"/random/500-400", "runs backwards"},
		{"/random/200-700", "outside the valid range"},
	}
	for _, tt := range tests {
		resp, body := get(t, ts.URL+tt.path)
		want := http.StatusBadRequest
		if strings.HasPrefix(tt.detail, "no such endpoint") {
			want = http.StatusNotFound
		}
		var e errorBody
		if resp.StatusCode != want || json.Unmarshal([]byte(body), &e) != nil || e.Status != want || e.Error == "" {
			t.Errorf("%s: %d %q, want a %d JSON error", clip(tt.path), resp.StatusCode, clip(body), want)
			continue
		}
		if !strings.Contains(e.Detail, tt.detail) {
			t.Errorf("%s: detail %q does not say %q", clip(tt.path), e.Detail, tt.detail)
		}
	}
}

func TestErrorsAsText(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, body := call(t, "GET", ts.URL+"/status/abc", http.Header{"Accept": {"text/plain"}}, nil)
	if resp.StatusCode != 400 || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" || !strings.HasPrefix(body, "400 Bad Request: ") {
		t.Errorf("text error: %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
}

func TestSeedIsReproducible(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	seq := func(seed string) string {
		var b strings.Builder
		for i := 0; i < 12; i++ {
			resp, _ := get(t, ts.URL+"/status/200:1,404:1,500:1?seed="+seed)
			b.WriteString(strconv.Itoa(resp.StatusCode) + " ")
		}
		return b.String()
	}
	a, b := seq("42"), seq("42")
	if a != b {
		t.Errorf("seed=42 gave %s then %s", a, b)
	}
	seen := map[string]bool{}
	for i := 0; i < 60; i++ {
		resp, _ := get(t, ts.URL+"/random/200,404,500-502")
		seen[strconv.Itoa(resp.StatusCode)] = true
		if !strings.Contains(" 200 404 500 501 502 ", " "+strconv.Itoa(resp.StatusCode)+" ") {
			t.Fatalf("/random gave %d", resp.StatusCode)
		}
	}
	if len(seen) < 3 {
		t.Errorf("/random over 60 draws only gave %v", seen)
	}
}

func TestCompatHeaders(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	start := time.Now()
	resp, _ := call(t, "GET", ts.URL+"/status/201", http.Header{"X-HttpStatus-Sleep": {"150"}, "X-HttpStatus-Response-Foo": {"bar"}}, nil)
	if resp.StatusCode != 201 || resp.Header.Get("Foo") != "bar" {
		t.Errorf("compat headers: %d Foo=%q", resp.StatusCode, resp.Header.Get("Foo"))
	}
	if time.Since(start) < 150*time.Millisecond {
		t.Error("X-HttpStatus-Sleep did not delay the response")
	}
	resp, _ = call(t, "GET", ts.URL+"/status/200", http.Header{"X-HttpStatus-Sleep": {"99999999"}}, nil)
	if resp.StatusCode != 400 {
		t.Errorf("X-HttpStatus-Sleep over the maximum: %d", resp.StatusCode)
	}
}

func TestSleepStopsWhenClientLeaves(t *testing.T) {
	ts, s := newTestServer(t, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/status/200?sleep=9s", nil)
	start := time.Now()
	if _, err := http.DefaultClient.Do(req); err == nil {
		t.Fatal("request with a 200ms deadline got a response to a 9s sleep")
	}
	for s.sleepers.Load() != 0 {
		if time.Since(start) > 5*time.Second {
			t.Fatalf("sleeper still held %v after the client left", time.Since(start))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestMaxSleepers: every request that holds its connection open on
// purpose (sleep, dribble, /delay, 102 while sleeping) takes one of the
// --max-sleepers places, and while they are all taken every other such
// request gets 503 with a Retry-After that is true (--max-delay).
func TestMaxSleepers(t *testing.T) {
	holders := []string{"/status/200?sleep=1s", "/status/200?fault=dribble", "/status/200?fault=dribble&sleep=1s", "/delay/1", "/status/102?sleep=1s", "/random/200-204?sleep=1s"}
	for _, holder := range holders {
		t.Run(holder, func(t *testing.T) {
			ts, s := newTestServer(t, Options{MaxSleepers: 1, MaxDelay: 3 * time.Second})
			done := make(chan struct{})
			go func() {
				defer close(done)
				resp, err := http.Get(ts.URL + holder)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}()
			for s.sleepers.Load() == 0 {
				time.Sleep(5 * time.Millisecond)
			}
			for _, contender := range holders {
				resp, body := get(t, ts.URL+contender)
				if resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "3" || !strings.Contains(body, "--max-sleepers") {
					t.Errorf("%s while %s sleeps: %d Retry-After=%q %q", contender, holder, resp.StatusCode, resp.Header.Get("Retry-After"), body)
				}
			}
			if resp, _ := get(t, ts.URL+"/status/200"); resp.StatusCode != 200 {
				t.Errorf("a request that does not sleep got %d", resp.StatusCode)
			}
			<-done
			// The handler gives its place back just after the last byte.
			for deadline := time.Now().Add(2 * time.Second); s.sleepers.Load() != 0; time.Sleep(5 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("%d places still taken after the holder finished", s.sleepers.Load())
				}
			}
		})
	}
}

func TestFaults(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	if _, err := http.Get(ts.URL + "/status/200?fault=reset"); err == nil {
		t.Error("fault=reset: got a response")
	}

	resp, err := http.Get(ts.URL + "/status/200?fault=close_after_headers")
	if err != nil {
		t.Fatalf("close_after_headers: headers should arrive: %v", err)
	}
	_, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || err == nil {
		t.Errorf("close_after_headers: status %d, body error %v; want 200 then a broken body", resp.StatusCode, err)
	}

	resp, err = http.Get(ts.URL + "/status/200?fault=truncate&body=0123456789")
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !errors.Is(err, io.ErrUnexpectedEOF) || string(got) != "01234" || resp.ContentLength != 10 {
		t.Errorf("truncate: read %q, err %v, Content-Length %d", got, err, resp.ContentLength)
	}

	start := time.Now()
	resp, body := get(t, ts.URL+"/status/200?fault=dribble&sleep=300ms&body=abcdefghij")
	if resp.StatusCode != 200 || body != "abcdefghij" || time.Since(start) < 250*time.Millisecond {
		t.Errorf("dribble: %d %q after %v", resp.StatusCode, body, time.Since(start))
	}
}

func TestCORS(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, _ := get(t, ts.URL+"/status/302")
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Error("no Access-Control-Allow-Origin: *")
	}
	// The Fetch wildcard: every header, for requests without credentials
	// (the browser tests check that scripts read them).
	if exposed := resp.Header.Values("Access-Control-Expose-Headers"); len(exposed) != 1 || exposed[0] != "*" {
		t.Errorf("Access-Control-Expose-Headers %q, want *", exposed)
	}
	if resp.Header.Get("Access-Control-Allow-Credentials") != "" {
		t.Error("the wildcard does not hold for requests with credentials; the service must not allow them")
	}
	resp, body := call(t, "OPTIONS", ts.URL+"/status/200", http.Header{
		"Origin": {"https://app.example"}, "Access-Control-Request-Method": {"PUT"}, "Access-Control-Request-Headers": {"X-Custom, Content-Type"},
	}, nil)
	if resp.StatusCode != 204 || resp.Header.Get("Access-Control-Allow-Methods") != "PUT" ||
		resp.Header.Get("Access-Control-Allow-Headers") != "X-Custom, Content-Type" || body != "" {
		t.Errorf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	// A plain OPTIONS is a request like any other.
	resp, _ = call(t, "OPTIONS", ts.URL+"/status/404", nil, nil)
	if resp.StatusCode != 404 {
		t.Errorf("OPTIONS /status/404: %d", resp.StatusCode)
	}
}

func TestRequestLimits(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxURIBytes: 100, MaxHeaderBytes: 200})
	resp, body := call(t, "BREW", ts.URL+"/status/200", nil, nil)
	if resp.StatusCode != 501 || !strings.Contains(body, "BREW is not implemented") {
		t.Errorf("BREW: %d %q", resp.StatusCode, body)
	}
	resp, body = get(t, ts.URL+"/status/200?body="+strings.Repeat("x", 200))
	if resp.StatusCode != 414 || !strings.Contains(body, `"status":414`) {
		t.Errorf("long URI: %d %q", resp.StatusCode, body)
	}
	resp, body = call(t, "GET", ts.URL+"/status/200", http.Header{"X-Big": {strings.Repeat("y", 300)}}, nil)
	if resp.StatusCode != 431 || !strings.Contains(body, `"status":431`) {
		t.Errorf("big headers: %d %q", resp.StatusCode, body)
	}
}

func TestRateLimitOption(t *testing.T) {
	ts, _ := newTestServer(t, Options{RateLimit: 0.5, RateBurst: 2})
	codes := []int{}
	for i := 0; i < 3; i++ {
		resp, _ := get(t, ts.URL+"/status/200")
		codes = append(codes, resp.StatusCode)
		if i == 2 && (resp.Header.Get("Retry-After") == "" || resp.Header.Get("RateLimit-Remaining") != "0") {
			t.Errorf("429 without Retry-After or RateLimit fields: %v", resp.Header)
		}
	}
	if codes[0] != 200 || codes[1] != 200 || codes[2] != 429 {
		t.Errorf("burst 2: codes %v, want 200 200 429", codes)
	}
	if resp, _ := get(t, ts.URL+"/healthz"); resp.StatusCode != 200 {
		t.Errorf("/healthz is rate limited: %d", resp.StatusCode)
	}
	ts2, _ := newTestServer(t, Options{})
	for i := 0; i < 50; i++ {
		if resp, _ := get(t, ts2.URL+"/status/200"); resp.StatusCode != 200 {
			t.Fatalf("rate limiting is on by default: request %d got %d", i, resp.StatusCode)
		}
	}
}

func TestTrustProxy(t *testing.T) {
	s := newServer(Options{TrustProxy: true})
	r, _ := http.NewRequest("GET", "/", nil)
	r.RemoteAddr = "10.0.0.1:1234"
	r.Header.Set("X-Forwarded-For", "203.0.113.7, 10.0.0.1")
	if ip := s.clientIP(r); ip != "203.0.113.7" {
		t.Errorf("X-Forwarded-For: %s", ip)
	}
	r.Header.Set("Forwarded", `for="[2001:db8::1]:4711";proto=https, for=10.0.0.1`)
	if ip := s.clientIP(r); ip != "2001:db8::1" {
		t.Errorf("Forwarded: %s", ip)
	}
	s = newServer(Options{})
	if ip := s.clientIP(r); ip != "10.0.0.1" {
		t.Errorf("without --trust-proxy the peer address must count: %s", ip)
	}
}

// TestInterimResponsesOnTheWire reads 1xx responses from the raw
// connection, since Go's client hides them.
func TestInterimResponsesOnTheWire(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	t.Run("103 Early Hints", func(t *testing.T) {
		raw := rawExchange(t, ts, "GET /status/103 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 2*time.Second)
		resps := readResponses(t, raw)
		if len(resps) != 2 || resps[0].StatusCode != 103 || resps[1].StatusCode != 200 {
			t.Fatalf("want 103 then 200, got:\n%s", raw)
		}
		if !strings.Contains(resps[0].Header.Get("Link"), "rel=preload") {
			t.Errorf("103 without a preload Link: %v", resps[0].Header)
		}
	})
	t.Run("103 then 404", func(t *testing.T) {
		raw := rawExchange(t, ts, "GET /status/103?then=404 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 2*time.Second)
		resps := readResponses(t, raw)
		if len(resps) != 2 || resps[0].StatusCode != 103 || resps[1].StatusCode != 404 {
			t.Fatalf("want 103 then 404, got:\n%s", raw)
		}
	})
	t.Run("102 while sleeping", func(t *testing.T) {
		raw := rawExchange(t, ts, "GET /status/102?sleep=1200ms HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3*time.Second)
		if n := strings.Count(raw, "HTTP/1.1 102 Processing\r\n"); n < 2 {
			t.Errorf("want a 102 at once and one a second later, got %d:\n%s", n, raw)
		}
		if !strings.Contains(raw, "HTTP/1.1 200 OK\r\n") {
			t.Errorf("no final 200:\n%s", raw)
		}
	})
	t.Run("104", func(t *testing.T) {
		raw := rawExchange(t, ts, "POST /status/104 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 2*time.Second)
		resps := readResponses(t, raw)
		if len(resps) != 2 || resps[0].StatusCode != 104 || resps[0].Header.Get("Location") == "" || resps[1].StatusCode != 200 {
			t.Fatalf("want 104 with Location then 200, got:\n%s", raw)
		}
		if resps[1].Header.Get("Location") != "" {
			t.Errorf("the 104's Location leaked into the final response")
		}
	})
	t.Run("100 Continue honours Expect", func(t *testing.T) {
		conn := dial(t, ts)
		io.WriteString(conn, "POST /status/100?then=201 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
		first := readFor(t, conn, time.Second)
		if !strings.HasPrefix(first, "HTTP/1.1 100 Continue\r\n") || strings.Contains(first, "201") {
			t.Fatalf("before the body is sent, want only 100 Continue, got %q", first)
		}
		io.WriteString(conn, "hello")
		if rest := readFor(t, conn, 2*time.Second); !strings.HasPrefix(rest, "HTTP/1.1 201 Created\r\n") {
			t.Errorf("after the body, want 201, got %q", rest)
		}
	})
	t.Run("101 without handshake", func(t *testing.T) {
		raw := rawExchange(t, ts, "GET /status/101 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 2*time.Second)
		if !strings.HasPrefix(raw, "HTTP/1.1 426 Upgrade Required\r\n") || !strings.Contains(raw, "Upgrade: websocket\r\n") || !strings.Contains(raw, "Sec-WebSocket-Key") {
			t.Errorf("want 426 explaining the handshake, got:\n%s", raw)
		}
	})
	t.Run("101 with a WebSocket handshake", func(t *testing.T) {
		raw := rawExchange(t, ts, "GET /status/101 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
			"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", 500*time.Millisecond)
		if !strings.HasPrefix(raw, "HTTP/1.1 101 Switching Protocols\r\n") || !strings.Contains(raw, "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n") {
			t.Errorf("want 101 with the RFC 6455 accept key, got:\n%s", raw)
		}
	})
}

func TestWebSocketEcho(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, resp, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(ts.URL, "http")+"/status/101", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	if resp.StatusCode != 101 {
		t.Errorf("handshake status %d", resp.StatusCode)
	}
	for _, msg := range []string{"hello", "second message", strings.Repeat("z", 1000)} {
		if err := conn.Write(ctx, websocket.MessageText, []byte(msg)); err != nil {
			t.Fatal(err)
		}
		typ, got, err := conn.Read(ctx)
		if err != nil || typ != websocket.MessageText || string(got) != msg {
			t.Fatalf("echo of %q: %v %q %v", clip(msg), typ, clip(string(got)), err)
		}
	}
	conn.Close(websocket.StatusNormalClosure, "")
}

// TestLocationOnThisServer: location= takes an absolute URL on the host
// the client reached (a redirect to the same server is not an open
// redirect), and still refuses every other host.
func TestLocationOnThisServer(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	self := ts.URL // http://127.0.0.1:PORT
	host := strings.TrimPrefix(self, "http://")
	for _, tc := range []struct {
		location string
		code     int
	}{
		{self + "/get", 302},
		{"//" + host + "/get", 302},
		{"HTTP://" + strings.ToUpper(host) + "/x", 302},
		{"https://" + host + "/get", 400}, // another origin: the scheme differs
		{"http://127.0.0.1:1/get", 400},   // another port
		{"http://evil.example/", 400},
		{"http://user@" + host + "/", 400},
		{"//evil.example/", 400},
	} {
		t.Run(tc.location, func(t *testing.T) {
			resp, body := get(t, ts.URL+"/status/302?location="+url.QueryEscape(tc.location))
			if resp.StatusCode != tc.code {
				t.Errorf("%d %s", resp.StatusCode, body)
			}
			if tc.code == 302 && resp.Header.Get("Location") != tc.location {
				t.Errorf("Location %q", resp.Header.Get("Location"))
			}
		})
	}
	// With --public-url, the public origin is this server, the Host is not.
	ts2, _ := newTestServer(t, Options{PublicURL: "https://status.example"})
	for loc, code := range map[string]int{"https://status.example/get": 302, self + "/get": 400} {
		resp, _ := get(t, ts2.URL+"/status/302?location="+url.QueryEscape(loc))
		if resp.StatusCode != code {
			t.Errorf("public URL, location %s: %d, want %d", loc, resp.StatusCode, code)
		}
	}
}
