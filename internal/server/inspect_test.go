package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// inspectVia posts body to /api/v1/inspect and decodes the report.
func inspectVia(t *testing.T, baseURL, body string) inspectReport {
	t.Helper()
	resp, out := call(t, http.MethodPost, baseURL+"/api/v1/inspect", http.Header{"Content-Type": {"application/json"}}, strings.NewReader(body))
	if resp.StatusCode != 200 {
		t.Fatalf("inspect %s: %d %s", body, resp.StatusCode, out)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("inspect: Cache-Control %q, want no-store", cc)
	}
	var rep inspectReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("inspect %s: %v in %s", body, err, out)
	}
	return rep
}

func header(fields []headerField, name string) []string {
	var out []string
	for _, f := range fields {
		if strings.EqualFold(f.Name, name) {
			out = append(out, f.Value)
		}
	}
	return out
}

func TestInspectShowsTheWholeExchange(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	host := strings.TrimPrefix(ts.URL, "http://")

	t.Run("418", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/status/418","headers":[{"name":"Accept","value":"application/json"}]}`)
		if rep.Status != 418 || len(rep.Exchanges) != 1 || rep.Redirects != 0 || rep.Error != "" {
			t.Fatalf("report: %+v", rep)
		}
		ex := rep.Exchanges[0]
		wantReq := "GET /status/418 HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: httpstatus-inspect/1\r\nAccept: application/json\r\n\r\n"
		if ex.Request.Raw != wantReq {
			t.Errorf("request raw %q, want %q", ex.Request.Raw, wantReq)
		}
		r := ex.Response
		if r.StatusLine != "HTTP/1.1 418 I'm a teapot" || !strings.HasPrefix(r.Raw, "HTTP/1.1 418 I'm a teapot\r\n") || !strings.HasSuffix(r.Raw, "\r\n\r\n") {
			t.Errorf("status line %q, raw %q", r.StatusLine, r.Raw)
		}
		if got := header(r.Headers, "Content-Type"); len(got) != 1 || got[0] != "application/json" {
			t.Errorf("Content-Type %v", got)
		}
		if !strings.Contains(r.Body, `"code":418`) || r.BodyBytes != int64(len(r.Body)) || r.BodyTruncated {
			t.Errorf("body %q (%d bytes, truncated %v)", r.Body, r.BodyBytes, r.BodyTruncated)
		}
		if len(ex.Interim) != 0 {
			t.Errorf("interim %v", ex.Interim)
		}
		wantCurl := "curl -i -L -H 'Accept: application/json' " + ts.URL + "/status/418"
		if rep.Curl != wantCurl || rep.URL != ts.URL+"/status/418" {
			t.Errorf("curl %q, want %q; url %q", rep.Curl, wantCurl, rep.URL)
		}
	})

	t.Run("103 interim response", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/status/103"}`)
		ex := rep.Exchanges[0]
		if len(ex.Interim) != 1 || ex.Interim[0].Status != 103 || ex.Interim[0].StatusLine != "HTTP/1.1 103 Early Hints" {
			t.Fatalf("interim %+v", ex.Interim)
		}
		if links := header(ex.Interim[0].Headers, "Link"); len(links) != 2 {
			t.Errorf("103 Link headers %v, want two in order", links)
		}
		if rep.Status != 200 || ex.Response.Status != 200 || ex.Interim[0].AtMS > ex.Response.AtMS {
			t.Errorf("final %d at %v, interim at %v", rep.Status, ex.Response.AtMS, ex.Interim[0].AtMS)
		}
	})

	t.Run("100 Continue before the body", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"method":"POST","path":"/upload","headers":[{"name":"Expect","value":"100-continue"},{"name":"Content-Type","value":"text/plain"}],"body":"hello"}`)
		ex := rep.Exchanges[0]
		if len(ex.Interim) != 1 || ex.Interim[0].Status != 100 || rep.Status != 200 {
			t.Fatalf("interim %+v, status %d", ex.Interim, rep.Status)
		}
		if !strings.Contains(ex.Request.Raw, "Content-Length: 5\r\n") || ex.Request.Body != "hello" {
			t.Errorf("request %q body %q", ex.Request.Raw, ex.Request.Body)
		}
		if !strings.Contains(rep.Curl, "--data-binary hello") || strings.Contains(rep.Curl, "-X") {
			t.Errorf("curl %q", rep.Curl)
		}
	})

	t.Run("three redirect hops", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/redirect/3"}`)
		if rep.Redirects != 3 || len(rep.Exchanges) != 4 || rep.Status != 200 {
			t.Fatalf("redirects %d, exchanges %d, status %d", rep.Redirects, len(rep.Exchanges), rep.Status)
		}
		var targets []string
		for _, ex := range rep.Exchanges {
			targets = append(targets, ex.Request.Target)
		}
		if got := strings.Join(targets, " "); got != "/redirect/3 /relative-redirect/2 /relative-redirect/1 /get" {
			t.Errorf("hops %s", got)
		}
		for _, ex := range rep.Exchanges[:3] {
			if ex.Response.Status != 302 || ex.Redirect == nil || !ex.Redirect.Followed {
				t.Errorf("hop %s: %d %+v", ex.Request.Target, ex.Response.Status, ex.Redirect)
			}
		}
	})

	t.Run("absolute redirects to the same host are followed", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/absolute-redirect/2"}`)
		if rep.Redirects != 2 || rep.Status != 200 {
			t.Fatalf("redirects %d status %d error %q", rep.Redirects, rep.Status, rep.Error)
		}
	})

	t.Run("not following", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/redirect/3","follow_redirects":false}`)
		if len(rep.Exchanges) != 1 || rep.Status != 302 || rep.Exchanges[0].Redirect.Followed || rep.Exchanges[0].Redirect.Location != "/relative-redirect/2" {
			t.Fatalf("%+v", rep.Exchanges[0].Redirect)
		}
		if strings.Contains(rep.Curl, "-L") {
			t.Errorf("curl %q follows", rep.Curl)
		}
	})

	t.Run("redirect limit", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/redirect/15"}`)
		if rep.Redirects != 10 || len(rep.Exchanges) != 11 || !strings.Contains(rep.Error, "stopped after 10 redirects") {
			t.Fatalf("redirects %d exchanges %d error %q", rep.Redirects, len(rep.Exchanges), rep.Error)
		}
	})

	t.Run("303 after POST becomes GET, 307 repeats the POST", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"method":"POST","path":"/status/303?location=/anything","headers":[{"name":"Content-Type","value":"text/plain"}],"body":"x"}`)
		last := rep.Exchanges[len(rep.Exchanges)-1]
		if last.Request.Method != "GET" || last.Request.Body != "" || len(header(last.Request.Headers, "Content-Type")) != 0 {
			t.Errorf("after 303: %+v", last.Request)
		}
		rep = inspectVia(t, ts.URL, `{"method":"POST","path":"/status/307?location=/anything","body":"x"}`)
		last = rep.Exchanges[len(rep.Exchanges)-1]
		if last.Request.Method != "POST" || last.Request.Body != "x" || !strings.Contains(last.Response.Body, `"method": "POST"`) {
			t.Errorf("after 307: %+v %q", last.Request, last.Response.Body)
		}
	})

	t.Run("HEAD has no body", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"method":"HEAD","path":"/status/200"}`)
		r := rep.Exchanges[0].Response
		if r.Status != 200 || r.Body != "" || r.BodyBytes != 0 || !strings.Contains(rep.Curl, "--head") {
			t.Errorf("HEAD: %+v curl %q", r, rep.Curl)
		}
	})

	t.Run("unknown method", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"method":"BREW","path":"/status/418"}`)
		if rep.Status != 501 || !strings.Contains(rep.Curl, "-X BREW") {
			t.Errorf("BREW: %d %q", rep.Status, rep.Curl)
		}
	})

	t.Run("sleep shows in the timing", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/status/200?sleep=150ms"}`)
		if ex := rep.Exchanges[0]; ex.Response.AtMS < 150 || ex.FirstByteMS < 150 || rep.TotalMS < 150 {
			t.Errorf("slept 150ms but the response came at %v ms (first byte %v)", ex.Response.AtMS, ex.FirstByteMS)
		}
	})

	t.Run("binary and long bodies", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/codes.json","headers":[{"name":"Accept-Encoding","value":"gzip"}]}`)
		r := rep.Exchanges[0].Response
		if !r.BodyBase64 || !r.BodyTruncated || r.BodyBytes <= inspectShowBody {
			t.Errorf("gzip body: base64 %v truncated %v bytes %d", r.BodyBase64, r.BodyTruncated, r.BodyBytes)
		}
	})

	t.Run("the handler sees the caller's address", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/get"}`)
		if !strings.Contains(rep.Exchanges[0].Response.Body, `"origin": "127.0.0.1"`) {
			t.Errorf("/get body %s", rep.Exchanges[0].Response.Body)
		}
	})

	t.Run("the tester is not run from inside an inspection", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/tester?code=200"}`)
		body := rep.Exchanges[0].Response.Body
		if rep.Status != 200 || !strings.Contains(body, "requested by the inspector itself") || strings.Contains(body, `id="result"`) {
			t.Errorf("/tester inside an inspection: %d", rep.Status)
		}
	})
}

func TestInspectReportsBrokenConnections(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, tc := range []struct{ path, status, err string }{
		{"/status/200?fault=reset", "0", "no response: the server reset the connection"},
		{"/status/200?fault=truncate", "200", "the body broke off after"},
		{"/status/200?fault=close_after_headers", "200", "the body broke off after 0 bytes"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			rep := inspectVia(t, ts.URL, `{"path":"`+tc.path+`"}`)
			if got := strings.TrimSpace(strings.Split(rep.Error, ":")[0]); !strings.HasPrefix(rep.Error, tc.err) || rep.Exchanges[0].Error != rep.Error {
				t.Errorf("error %q (%s), want %q", rep.Error, got, tc.err)
			}
			if st := rep.Status; (tc.status == "0") != (st == 0) {
				t.Errorf("status %d", st)
			}
		})
	}
	t.Run("dribble arrives whole", func(t *testing.T) {
		rep := inspectVia(t, ts.URL, `{"path":"/status/200?fault=dribble&sleep=200ms"}`)
		if rep.Error != "" || rep.Exchanges[0].Response.Body != "200 OK\n" {
			t.Errorf("dribble: %q %q", rep.Error, rep.Exchanges[0].Response.Body)
		}
	})
}

func TestInspectOnlyCallsThisServer(t *testing.T) {
	ts, _ := newTestServer(t, Options{AllowRedirectHosts: []string{"example.org"}})
	rep := inspectVia(t, ts.URL, `{"path":"/redirect-to?url=https://example.org/a"}`)
	ex := rep.Exchanges[0]
	if len(rep.Exchanges) != 1 || ex.Redirect == nil || ex.Redirect.Followed || !strings.Contains(ex.Redirect.Reason, "another host") {
		t.Fatalf("redirect to another host: %+v", ex.Redirect)
	}
	// A Host header cannot be smuggled in, and paths are paths.
	for _, body := range []string{
		`{"path":"http://example.org/"}`,
		`{"path":"//example.org/"}`,
		`{"path":"/get","headers":[{"name":"host","value":"example.org"}]}`,
	} {
		resp, out := call(t, http.MethodPost, ts.URL+"/api/v1/inspect", http.Header{"Content-Type": {"application/json"}}, strings.NewReader(body))
		if resp.StatusCode != 400 {
			t.Errorf("%s: %d %s", body, resp.StatusCode, out)
		}
	}
}

func TestInspectRefusesBadRequests(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxBodyBytes: 200 << 10})
	many := make([]headerField, 51)
	for i := range many {
		many[i] = headerField{Name: "X-A", Value: "b"}
	}
	manyJSON, _ := json.Marshal(inspectRequest{Path: "/get", Headers: many})
	bigJSON, _ := json.Marshal(inspectRequest{Path: "/anything", Method: "POST", Body: strings.Repeat("x", inspectMaxBody+1)})
	for _, tc := range []struct {
		name, method, ctype, body string
		code                      int
		detail                    string
	}{
		{"GET", "GET", "", "", 405, "does not accept GET"},
		{"not JSON", "POST", "text/plain", `{"path":"/get"}`, 415, "send the request as JSON"},
		{"broken JSON", "POST", "application/json", `{"path":`, 400, "not an inspection request"},
		{"unknown field", "POST", "application/json", `{"path":"/get","folow":true}`, 400, `unknown field "folow"`},
		{"two values", "POST", "application/json", `{"path":"/get"}{}`, 400, "more than one JSON value"},
		{"no path", "POST", "application/json", `{}`, 400, "path is required"},
		{"absolute URL", "POST", "application/json", `{"path":"https://example.org/"}`, 400, "must start with a single /"},
		{"space in path", "POST", "application/json", `{"path":"/status/200 x"}`, 400, "percent-encode"},
		{"fragment", "POST", "application/json", `{"path":"/status/200#x"}`, 400, "percent-encode"},
		{"itself", "POST", "application/json", `{"path":"/api/v1/inspect"}`, 400, "does not inspect itself"},
		{"bad method", "POST", "application/json", `{"method":"GE T","path":"/get"}`, 400, "not an HTTP method token"},
		{"bad header name", "POST", "application/json", `{"path":"/get","headers":[{"name":"X Y","value":"1"}]}`, 400, "not a valid field name"},
		{"bad header value", "POST", "application/json", `{"path":"/get","headers":[{"name":"X","value":"a\nb"}]}`, 400, "control characters"},
		{"Content-Length", "POST", "application/json", `{"path":"/get","headers":[{"name":"content-length","value":"1"}]}`, 400, "Content-Length cannot be set"},
		{"too many headers", "POST", "application/json", string(manyJSON), 400, "at most 50"},
		{"body too big", "POST", "application/json", string(bigJSON), 400, "at most 65536"},
		{"query", "POST", "application/json", `{"path":"/get"}`, 400, "unknown parameter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := ts.URL + "/api/v1/inspect"
			if tc.name == "query" {
				u += "?x=1"
			}
			h := http.Header{}
			if tc.ctype != "" {
				h.Set("Content-Type", tc.ctype)
			}
			var body *bytes.Reader
			if tc.body != "" {
				body = bytes.NewReader([]byte(tc.body))
			}
			var resp *http.Response
			var out string
			if body != nil {
				resp, out = call(t, tc.method, u, h, body)
			} else {
				resp, out = call(t, tc.method, u, h, nil)
			}
			var e errorBody
			if err := json.Unmarshal([]byte(out), &e); err != nil || resp.StatusCode != tc.code || e.Status != tc.code || !strings.Contains(e.Detail, tc.detail) {
				t.Errorf("%d %s, want %d with %q", resp.StatusCode, out, tc.code, tc.detail)
			}
		})
	}
}

// TestInspectCostsOneRequestOfTheRateLimit: the inspection is limited
// like any request, the requests it makes are not (they are in memory and
// already paid for), so following redirects never throttles itself.
func TestInspectCostsOneRequestOfTheRateLimit(t *testing.T) {
	ts, _ := newTestServer(t, Options{RateLimit: 0.01, RateBurst: 1})
	rep := inspectVia(t, ts.URL, `{"path":"/redirect/3"}`)
	if rep.Status != 200 || rep.Redirects != 3 {
		t.Fatalf("first inspection: %d after %d redirects, %q", rep.Status, rep.Redirects, rep.Error)
	}
	resp, _ := call(t, http.MethodPost, ts.URL+"/api/v1/inspect", http.Header{"Content-Type": {"application/json"}}, strings.NewReader(`{"path":"/get"}`))
	if resp.StatusCode != 429 {
		t.Errorf("second inspection with the bucket empty: %d, want 429", resp.StatusCode)
	}
}

func TestCurlCommand(t *testing.T) {
	no := false
	for _, tc := range []struct {
		q    inspectRequest
		want string
	}{
		{inspectRequest{Method: "GET", Path: "/status/200"}, "curl -i -L http://h/status/200"},
		{inspectRequest{Method: "GET", Path: "/status/200?body=it's", FollowRedirects: &no}, `curl -i 'http://h/status/200?body=it'\''s'`},
		{inspectRequest{Method: "PUT", Path: "/anything", Body: "a b"}, "curl -i -L -X PUT --data-binary 'a b' http://h/anything"},
		{inspectRequest{Method: "DELETE", Path: "/anything", Headers: []headerField{{Name: "X-A", Value: "1 2"}}}, "curl -i -L -X DELETE -H 'X-A: 1 2' http://h/anything"},
	} {
		if got := curlCommand(tc.q, "http://h"+tc.q.Path); got != tc.want {
			t.Errorf("curl for %+v:\n got %s\nwant %s", tc.q, got, tc.want)
		}
	}
}

// FuzzInspectRequest feeds arbitrary JSON to the decoder and validator:
// never a panic, and whatever passes is a path on this server.
func FuzzInspectRequest(f *testing.F) {
	for _, s := range []string{`{"path":"/status/418"}`, `{"method":"POST","path":"/upload","headers":[{"name":"Expect","value":"100-continue"}],"body":"x"}`, `{"path":"//x"}`, `{"path":"/a?b#c"}`, `[]`, `{"path":"/api/v1/inspect?x"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var q inspectRequest
		if decodeStrictJSON(strings.NewReader(s), &q) != nil || q.validate() != nil {
			return
		}
		u, err := url.ParseRequestURI(q.Path)
		if err != nil || u.Host != "" || !strings.HasPrefix(q.Path, "/") || u.Path == "/api/v1/inspect" {
			t.Fatalf("accepted path %q", q.Path)
		}
		head, _ := requestHead(q, "h")
		if strings.Count(head, "\r\n\r\n") != 1 || !strings.HasSuffix(head, "\r\n\r\n") {
			t.Fatalf("request head %q can be split", head)
		}
	})
}
