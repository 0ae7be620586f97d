package server

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/httpstatus/httpstatus/internal/exchange"
)

// checkVia posts a check and decodes the answer.
func checkVia(t *testing.T, base, body string) (*http.Response, checkReport, string) {
	t.Helper()
	resp, out := call(t, http.MethodPost, base+"/api/v1/check", http.Header{"Content-Type": {"application/json"}}, strings.NewReader(body))
	var rep checkReport
	if resp.StatusCode == 200 {
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
	}
	return resp, rep, out
}

// TestCheckRefusesInternalAddresses: on a server without --check-private
// every internal address form is a 403 that says why, before or after
// DNS, and nothing is dialled.
func TestCheckRefusesInternalAddresses(t *testing.T) {
	ts, _ := newTestServer(t, Options{CheckRate: 1000})
	port := strings.TrimPrefix(ts.URL, "http://127.0.0.1:")
	for _, host := range []string{"127.0.0.1", "127.1", "0x7f000001", "2130706433", "0177.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "localhost",
		"10.0.0.1", "192.168.1.1", "172.16.5.4", "100.64.0.1", "169.254.169.254", "[fd00::1]", "[fe80::1]", "0.0.0.0", "[::]", "224.0.0.1", "[64:ff9b::7f00:1]", "[2002:7f00:1::]"} {
		t.Run(host, func(t *testing.T) {
			resp, _, body := checkVia(t, ts.URL, `{"url":"http://`+host+`:`+port+`/status/200"}`)
			if resp.StatusCode != 403 {
				t.Fatalf("%d: %.300s", resp.StatusCode, body)
			}
			assertErrorShape(t, resp, body, "does not check addresses in private networks")
		})
	}
}

// TestCheckRedirectToInternalAddress: a public host (127.0.0.2 stands in
// for one) redirecting to an internal address gets its first hop checked
// and the second refused at dial time, shown in the chain.
func TestCheckRedirectToInternalAddress(t *testing.T) {
	ts, s := newTestServer(t, Options{})
	s.guard = &exchange.Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}}
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	public := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, ts.URL+"/status/200", http.StatusFound) // 127.0.0.1: internal
	}))
	public.Listener.Close()
	public.Listener = ln
	public.Start()
	defer public.Close()
	resp, rep, body := checkVia(t, ts.URL, `{"url":"`+public.URL+`/"}`)
	if resp.StatusCode != 200 || len(rep.Exchanges) != 2 || rep.Exchanges[0].Response.Status != 302 || rep.Exchanges[1].Failure != exchange.FailBlocked ||
		!strings.Contains(rep.Error, "127.0.0.1 is a loopback address") || rep.Status != 302 {
		t.Fatalf("%d %+v %.300s", resp.StatusCode, rep, body)
	}
}

// TestCheckWithPrivateAllowed checks our own test service, as
// 'httpstatus serve --check-private' lets a developer do from the page.
func TestCheckWithPrivateAllowed(t *testing.T) {
	ts, _ := newTestServer(t, Options{CheckPrivate: true})
	host := strings.TrimPrefix(ts.URL, "http://")
	resp, rep, body := checkVia(t, ts.URL, `{"url":"`+host+`/redirect/2","method":"head"}`)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	if rep.SchemaVersion != 1 || rep.Status != 200 || rep.Redirects != 2 || len(rep.Exchanges) != 3 || rep.Note != "no scheme given: http:// added" || rep.Method != "HEAD" {
		t.Errorf("%+v", rep)
	}
	var codes []int
	for _, m := range rep.Meanings {
		codes = append(codes, m.Code)
		if m.Summary == "" || m.Link == "" {
			t.Errorf("meaning %+v", m)
		}
	}
	if len(codes) != 2 || codes[0] != 302 || codes[1] != 200 {
		t.Errorf("meanings for %v, want 302 then 200", codes)
	}
	for i, ex := range rep.Exchanges {
		// The first hop connects; the others reuse its connection.
		if ex.Timings.TotalMS <= 0 || (i == 0) != (ex.Timings.ConnectMS > 0) || ex.Reused != (i > 0) {
			t.Errorf("hop %d: timings %+v reused %v", i+1, ex.Timings, ex.Reused)
		}
	}
	// Not following, and failures as a chain with an error.
	_, rep, _ = checkVia(t, ts.URL, `{"url":"`+ts.URL+`/redirect/2","follow_redirects":false}`)
	if rep.Status != 302 || len(rep.Exchanges) != 1 || rep.Exchanges[0].Redirect.Followed {
		t.Errorf("not following: %+v", rep)
	}
	_, rep, _ = checkVia(t, ts.URL, `{"url":"`+ts.URL+`/status/200?fault=reset"}`)
	if rep.Status != 0 || rep.Failure != exchange.FailReset || !strings.Contains(rep.Error, "reset") {
		t.Errorf("reset: %+v", rep)
	}
}

func TestCheckRefusesBadRequests(t *testing.T) {
	ts, _ := newTestServer(t, Options{CheckPrivate: true})
	for _, c := range []struct {
		name, ctype, body string
		status            int
		detail            string
	}{
		{"not JSON", "text/plain", `{}`, 415, "send the request as JSON"},
		{"no url", "application/json", `{}`, 400, "empty URL"},
		{"unknown field", "application/json", `{"url":"http://a.example","x":1}`, 400, "unknown field"},
		{"POST is not for checks", "application/json", `{"url":"http://a.example","method":"POST"}`, 400, "GET or HEAD only"},
		{"ftp", "application/json", `{"url":"ftp://a.example"}`, 400, "only http:// and https://"},
		{"credentials", "application/json", `{"url":"http://u:p@a.example"}`, 400, "user name or password"},
		{"Host header", "application/json", `{"url":"http://a.example","headers":[{"name":"host","value":"x"}]}`, 400, "Host cannot be set"},
		{"header with a line break", "application/json", `{"url":"http://a.example","headers":[{"name":"X","value":"a\r\nb"}]}`, 400, "not a valid field"},
		{"two values", "application/json", `{"url":"http://a.example"} {}`, 400, "more than one JSON value"},
	} {
		t.Run(c.name, func(t *testing.T) {
			resp, body := call(t, http.MethodPost, ts.URL+"/api/v1/check", http.Header{"Content-Type": {c.ctype}}, strings.NewReader(c.body))
			if resp.StatusCode != c.status {
				t.Fatalf("%d, want %d: %s", resp.StatusCode, c.status, body)
			}
			assertErrorShape(t, resp, body, c.detail)
		})
	}
	if resp, _ := get(t, ts.URL+"/api/v1/check"); resp.StatusCode != 405 {
		t.Errorf("GET /api/v1/check: %d", resp.StatusCode)
	}
}

func TestCheckRateAndSwitch(t *testing.T) {
	ts, _ := newTestServer(t, Options{CheckPrivate: true, CheckRate: 1})
	target := `{"url":"` + ts.URL + `/status/204"}`
	for i := 0; i < 5; i++ {
		if resp, _, body := checkVia(t, ts.URL, target); resp.StatusCode != 200 {
			t.Fatalf("check %d within the burst: %d %s", i+1, resp.StatusCode, body)
		}
	}
	resp, _, body := checkVia(t, ts.URL, target)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("the sixth check: %d Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	assertErrorShape(t, resp, body, "--check-rate")
	if r, _ := get(t, ts.URL+"/status/200"); r.StatusCode != 200 {
		t.Errorf("the check rate limited other requests: %d", r.StatusCode)
	}

	off, _ := newTestServer(t, Options{CheckOff: true})
	for _, path := range []string{"/check", "/check?url=a.example"} {
		resp, body := call(t, http.MethodGet, off.URL+path, http.Header{"Accept": {"application/json"}}, nil)
		if resp.StatusCode != 404 {
			t.Errorf("%s with --check=off: %d", path, resp.StatusCode)
		}
		assertErrorShape(t, resp, body, "--check=off")
	}
	resp, _, _ = checkVia(t, off.URL, target)
	if resp.StatusCode != 404 {
		t.Errorf("API with --check=off: %d", resp.StatusCode)
	}
}

// TestCheckPage: the page works without JavaScript: the form, the hop
// table, timing bars and meanings rendered by the server, and errors with
// their status.
func TestCheckPage(t *testing.T) {
	ts, _ := newTestServer(t, Options{CheckPrivate: true})
	html := http.Header{"Accept": {"text/html,application/xhtml+xml"}}
	resp, body := get(t, ts.URL+"/check")
	if resp.StatusCode != 200 || !strings.Contains(body, `<form id="checker"`) || strings.Contains(body, `id="result"`) {
		t.Fatalf("empty page: %d", resp.StatusCode)
	}
	resp, body = get(t, ts.URL+"/check?url="+url.QueryEscape(ts.URL+"/redirect/2"))
	for _, want := range []string{`id="final-status">200</span> OK`, "<td>3</td>", "/relative-redirect/1", `class="ph-connect"`, "What the codes mean", `href="/302"`, "Final response head"} {
		if !strings.Contains(body, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "no-store" || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("result page: %d %v", resp.StatusCode, resp.Header)
	}
	for path, want := range map[string]string{
		"/check?url=ftp://a.example":        "only http:// and https://",
		"/check?url=a.example&follow=maybe": "follow &#34;maybe&#34; must be yes or no",
		"/check?url=a.example&method=PUT":   "GET or HEAD only",
	} {
		resp, body := call(t, http.MethodGet, ts.URL+path, html, nil)
		if resp.StatusCode != 400 || !strings.Contains(body, want) || !strings.Contains(body, `<form id="checker"`) {
			t.Errorf("%s: %d, want the page with 400 saying %q", path, resp.StatusCode, want)
		}
	}
	// A client that does not ask for HTML gets the error shape.
	resp, body = get(t, ts.URL+"/check?url=a.example&follow=maybe")
	assertErrorShape(t, resp, body, `follow "maybe" must be yes or no`)
	guarded, _ := newTestServer(t, Options{})
	resp, body = call(t, http.MethodGet, guarded.URL+"/check?url="+url.QueryEscape(guarded.URL+"/"), html, nil)
	if resp.StatusCode != 403 || !strings.Contains(body, "does not check addresses in private networks") {
		t.Errorf("a private address on the page: %d", resp.StatusCode)
	}
}

func TestTimingBars(t *testing.T) {
	bars := timingBars([]exchange.Exchange{
		{Timings: exchange.Timings{DNSMS: 1, ConnectMS: 1, TLSMS: 2, SentMS: 4.1, FirstByteMS: 8, TotalMS: 10}},
		{Timings: exchange.Timings{SentMS: 0.1, FirstByteMS: 4, TotalMS: 5}},
	})
	want := [][]timingBar{
		{{"DNS", 1, 0, 100}, {"connect", 1, 100, 100}, {"TLS", 2, 200, 200}, {"wait", 4, 400, 400}, {"transfer", 2, 800, 200}},
		{{"DNS", 0, 0, 0}, {"connect", 0, 0, 0}, {"TLS", 0, 0, 0}, {"wait", 4, 0, 400}, {"transfer", 1, 400, 100}},
	}
	for i := range want {
		for j := range want[i] {
			g, w := bars[i][j], want[i][j]
			if g.Phase != w.Phase || g.X != w.X || g.W != w.W || g.MS-w.MS > 1e-9 || w.MS-g.MS > 1e-9 {
				t.Errorf("bar %d/%d = %+v, want %+v", i, j, g, w)
			}
		}
	}
}
