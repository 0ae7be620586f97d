package exchange_test

import (
	"context"
	"crypto/x509"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/internal/server"
)

// service is our own test service on loopback: it produces every code,
// interim response and fault the engine must report.
func service(t *testing.T) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(server.NewServer(server.Options{MaxDelay: 3 * time.Second}))
	t.Cleanup(ts.Close)
	return ts
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// rawServer answers every connection with the bytes of answer, after
// reading the request head, so that tests control the wire exactly.
func rawServer(t *testing.T, answer string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf := make([]byte, 4096)
				got := ""
				for !strings.Contains(got, "\r\n\r\n") {
					n, err := c.Read(buf)
					if err != nil {
						return
					}
					got += string(buf[:n])
				}
				io.WriteString(c, answer)
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

func TestExchangeRecordsTheWire(t *testing.T) {
	base := rawServer(t, "HTTP/1.1 103 Early Hints\r\nlink: </a.css>; rel=preload\r\n\r\n"+
		"HTTP/1.1 404 Not There\r\nX-lower: 1\r\nWWW-Authenticate: Basic\r\nx-lower: 2\r\nContent-Length: 5\r\n\r\nhello")
	c := &exchange.Client{UserAgent: "test/1"}
	ex := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, base+"/p?q=1"), Header: []exchange.Field{{Name: "accept", Value: "*/*"}}})
	if ex.Error != "" {
		t.Fatal(ex.Error)
	}
	host := strings.TrimPrefix(base, "http://")
	if want := "GET /p?q=1 HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: test/1\r\naccept: */*\r\n\r\n"; ex.Request.Raw != want {
		t.Errorf("request %q, want %q", ex.Request.Raw, want)
	}
	if len(ex.Interim) != 1 || ex.Interim[0].Status != 103 || ex.Interim[0].Headers[0].Name != "link" {
		t.Errorf("interim %+v", ex.Interim)
	}
	r := ex.Response
	if r.Status != 404 || r.Reason != "Not There" || r.Proto != "HTTP/1.1" || r.Body != "hello" || r.BodyBytes != 5 {
		t.Errorf("response %+v", r)
	}
	var names []string
	for _, f := range r.Headers {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, ","); got != "X-lower,WWW-Authenticate,x-lower,Content-Length" {
		t.Errorf("header names as received: %s", got)
	}
	tm := ex.Timings
	// The writer notes "sent" when its goroutine runs again, which on a
	// busy machine can be after the answer began: no order between them.
	if tm.ConnectMS <= 0 || tm.SentMS <= 0 || tm.FirstByteMS <= 0 || tm.TotalMS < tm.FirstByteMS || tm.DNSMS != 0 || tm.TLSMS != 0 {
		t.Errorf("timings %+v", tm)
	}
	if ex.Conn == nil || ex.Conn.Remote != host {
		t.Errorf("connection %+v", ex.Conn)
	}
}

func TestKeepAliveReusesConnections(t *testing.T) {
	ts := service(t)
	c := &exchange.Client{KeepAlive: true}
	defer c.CloseIdle()
	first := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/status/200")})
	second := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/status/204")})
	if first.Reused || !second.Reused || second.Timings.ConnectMS != 0 || second.Response.Status != 204 {
		t.Errorf("first reused %v, second reused %v connect %v status %v", first.Reused, second.Reused, second.Timings.ConnectMS, second.Response)
	}
	// A broken body leaves nothing to reuse.
	broken := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/status/200?fault=truncate")})
	after := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/status/200")})
	if broken.Failure != exchange.FailClosed || after.Reused {
		t.Errorf("truncated: failure %q; next reused %v", broken.Failure, after.Reused)
	}
}

func TestFailuresInPlainWords(t *testing.T) {
	ts := service(t)
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	closedURL := "http://" + closed.Addr().String() + "/"
	closed.Close()
	silent, _ := net.Listen("tcp", "127.0.0.1:0")
	defer silent.Close()
	for _, c := range []struct {
		name, url string
		timeout   time.Duration
		failure   string
		words     string
	}{
		{"refused", closedURL, 0, exchange.FailRefused, "refused"},
		{"DNS", "http://name.invalid/", 0, exchange.FailDNS, "does not resolve"},
		{"timeout", "http://" + silent.Addr().String() + "/", 200 * time.Millisecond, exchange.FailTimeout, "timed out"},
		{"reset", ts.URL + "/status/200?fault=reset", 0, exchange.FailReset, "reset the connection"},
		{"truncated", ts.URL + "/status/200?fault=truncate&body=0123456789", 0, exchange.FailClosed, "the body broke off after 5 bytes"},
		{"closed after headers", ts.URL + "/status/200?fault=close_after_headers", 0, exchange.FailClosed, "the body broke off after 0 bytes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			if c.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, c.timeout)
				defer cancel()
			}
			ex := (&exchange.Client{}).Do(ctx, exchange.Request{Method: "GET", URL: mustURL(t, c.url)})
			if ex.Failure != c.failure || !strings.Contains(ex.Error, c.words) {
				t.Errorf("failure %q error %q; want %q saying %q", ex.Failure, ex.Error, c.failure, c.words)
			}
		})
	}
}

func TestTLSIsVerified(t *testing.T) {
	ts := httptest.NewTLSServer(server.NewServer(server.Options{}))
	defer ts.Close()
	u := mustURL(t, ts.URL+"/status/200")
	ex := (&exchange.Client{}).Do(context.Background(), exchange.Request{Method: "GET", URL: u})
	if ex.Failure != exchange.FailTLS || !strings.Contains(ex.Error, "not signed by a trusted authority") {
		t.Errorf("self-signed: %q %q", ex.Failure, ex.Error)
	}
	ex = (&exchange.Client{Dialer: &exchange.NetDialer{Insecure: true}}).Do(context.Background(), exchange.Request{Method: "GET", URL: u})
	if ex.Error != "" || ex.Response.Status != 200 || ex.Conn.TLSVersion == "" || ex.Timings.TLSMS <= 0 {
		t.Errorf("insecure: %q %+v %+v", ex.Error, ex.Conn, ex.Timings)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ts.Certificate())
	ex = (&exchange.Client{Dialer: &exchange.NetDialer{RootCAs: pool}}).Do(context.Background(), exchange.Request{Method: "GET", URL: u})
	if ex.Error != "" || ex.Conn.ALPN != "http/1.1" {
		t.Errorf("trusted: %q %+v", ex.Error, ex.Conn)
	}
}

func TestCheckIPRefusesBeforeDialling(t *testing.T) {
	ts := service(t)
	d := &exchange.NetDialer{CheckIP: func(ip net.IP) error {
		return &exchange.BlockedError{IP: ip, Reason: "a loopback address"}
	}}
	ex := (&exchange.Client{Dialer: d}).Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/status/200")})
	if ex.Response != nil || !strings.Contains(ex.Error, "127.0.0.1 is a loopback address") {
		t.Errorf("%q %+v", ex.Error, ex.Response)
	}
}

func TestFollowRedirects(t *testing.T) {
	ts := service(t)
	other := service(t)
	c := &exchange.Client{}
	follow := exchange.Policy{Follow: true}
	for _, tc := range []struct {
		name, method, path, body string
		header                   []exchange.Field
		policy                   exchange.Policy
		methods                  string // the method of each request
		status, redirects        int
		err                      string
	}{
		{"three hops", "GET", "/redirect/3", "", nil, follow, "GET GET GET GET", 200, 3, ""},
		{"303 turns POST into GET", "POST", "/status/303?location=/anything", "x", nil, follow, "POST GET", 200, 1, ""},
		{"302 after POST is GET", "POST", "/status/302?location=/anything", "x", nil, follow, "POST GET", 200, 1, ""},
		{"307 keeps POST", "POST", "/status/307?location=/anything", "x", nil, follow, "POST POST", 200, 1, ""},
		{"308 keeps PUT", "PUT", "/status/308?location=/anything", "x", nil, follow, "PUT PUT", 200, 1, ""},
		{"not following", "GET", "/redirect/3", "", nil, exchange.Policy{}, "GET", 302, 0, ""},
		{"at most", "GET", "/redirect/5", "", nil, exchange.Policy{Follow: true, MaxRedirects: 2}, "GET GET GET", 302, 2, "stopped after 2 redirects"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch := c.Follow(context.Background(), exchange.Request{Method: tc.method, URL: mustURL(t, ts.URL+tc.path), Body: tc.body, Header: tc.header}, tc.policy)
			var methods []string
			for _, ex := range ch.Exchanges {
				methods = append(methods, ex.Request.Method)
			}
			if got := strings.Join(methods, " "); got != tc.methods || ch.Status != tc.status || ch.Redirects != tc.redirects || !strings.Contains(ch.Error, tc.err) || (tc.err == "") != (ch.Error == "") {
				t.Errorf("methods %q status %d redirects %d error %q", got, ch.Status, ch.Redirects, ch.Error)
			}
		})
	}

	t.Run("a real loop ends the chain", func(t *testing.T) {
		loop := rawServer(t, "HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n")
		ch := c.Follow(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, loop+"/again")}, follow)
		hop := ch.Exchanges[0].Redirect
		if len(ch.Exchanges) != 1 || hop == nil || !hop.Loop || hop.Followed || !strings.Contains(ch.Error, "redirect loop") {
			t.Errorf("%d exchanges, hop %+v, error %q", len(ch.Exchanges), hop, ch.Error)
		}
	})

	t.Run("cross-host hops are flagged and drop credentials", func(t *testing.T) {
		allow := server.NewServer(server.Options{AllowRedirectHosts: []string{"127.0.0.1"}})
		hs := httptest.NewServer(allow)
		defer hs.Close()
		ch := c.Follow(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, hs.URL+"/redirect-to?url="+url.QueryEscape(other.URL+"/get")),
			Header: []exchange.Field{{Name: "Authorization", Value: "Bearer secret"}, {Name: "X-Keep", Value: "1"}}}, follow)
		if len(ch.Exchanges) != 2 || ch.Status != 200 {
			t.Fatalf("%d exchanges, status %d, error %q", len(ch.Exchanges), ch.Status, ch.Error)
		}
		hop := ch.Exchanges[0].Redirect
		if !hop.CrossHost || hop.Downgrade || hop.NextURL != other.URL+"/get" {
			t.Errorf("hop %+v", hop)
		}
		sent := ch.Exchanges[1].Request.Raw
		if strings.Contains(sent, "Authorization") || !strings.Contains(sent, "X-Keep: 1") {
			t.Errorf("second request %q", sent)
		}
	})

	t.Run("a policy refuses a hop", func(t *testing.T) {
		p := exchange.Policy{Follow: true, Allow: func(_, to *url.URL) string { return "not to " + to.Path }}
		ch := c.Follow(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/redirect/2")}, p)
		if len(ch.Exchanges) != 1 || ch.Exchanges[0].Redirect.Followed || ch.Exchanges[0].Redirect.Reason != "not to /relative-redirect/1" {
			t.Errorf("%+v", ch.Exchanges[0].Redirect)
		}
	})
}

func TestDowngradeIsFlagged(t *testing.T) {
	plain := service(t)
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/status/200", http.StatusMovedPermanently)
	}))
	defer tlsSrv.Close()
	c := &exchange.Client{Dialer: &exchange.NetDialer{Insecure: true}}
	ch := c.Follow(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, tlsSrv.URL+"/")}, exchange.Policy{Follow: true})
	if hop := ch.Exchanges[0].Redirect; hop == nil || !hop.Downgrade || !hop.CrossHost || ch.Status != 200 {
		t.Errorf("hop %+v status %d", hop, ch.Status)
	}
}

func TestExpectContinue(t *testing.T) {
	ts := service(t)
	ex := (&exchange.Client{}).Do(context.Background(), exchange.Request{Method: "POST", URL: mustURL(t, ts.URL+"/upload"),
		Header: []exchange.Field{{Name: "Expect", Value: "100-continue"}, {Name: "Content-Type", Value: "text/plain"}}, Body: "hello"})
	if len(ex.Interim) != 1 || ex.Interim[0].Status != 100 || ex.Response.Status != 200 || !strings.Contains(ex.Response.Body, `"received_bytes": 5`) {
		t.Errorf("interim %+v response %+v error %q", ex.Interim, ex.Response, ex.Error)
	}
}

func TestBodyCaps(t *testing.T) {
	ts := service(t)
	c := &exchange.Client{ShowBody: 10, ReadBody: 100}
	ex := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/range/50")})
	if ex.Response.Body != "abcdefghij" || ex.Response.BodyBytes != 50 || !ex.Response.BodyTruncated {
		t.Errorf("%+v", ex.Response)
	}
	ex = c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/range/500")})
	if ex.Response.BodyBytes != 110 || !ex.Response.BodyTruncated {
		t.Errorf("read past the cap: %d bytes", ex.Response.BodyBytes)
	}
	ex = c.Do(context.Background(), exchange.Request{Method: "POST", URL: mustURL(t, ts.URL+"/anything"), Header: []exchange.Field{{Name: "Content-Type", Value: "application/octet-stream"}}, Body: "\xff\xfe"})
	if ex.Error != "" {
		t.Fatal(ex.Error)
	}
	bin := (&exchange.Client{}).Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/status/200?body=%FF%FE")})
	if !bin.Response.BodyBase64 || bin.Response.Body != "//4=" {
		t.Errorf("binary body %+v", bin.Response)
	}
}

// FuzzHead: whatever fields a request carries, the head is one request
// line, the fields and one blank line, in that order.
func FuzzHead(f *testing.F) {
	f.Add("GET", "/p", "X-A", "1", "")
	f.Add("POST", "/p?q", "Expect", "100-continue", "body")
	f.Fuzz(func(t *testing.T, method, target, name, value, body string) {
		u, err := url.Parse("http://h.example" + target)
		if err != nil || strings.ContainsAny(method+name+value, "\r\n") || strings.ContainsAny(target, " \r\n") {
			return
		}
		head, fields := exchange.Head(exchange.Request{Method: method, URL: u, Header: []exchange.Field{{Name: name, Value: value}}, Body: body}, "ua")
		if !strings.HasSuffix(head, "\r\n\r\n") || strings.Count(head, "\r\n") != len(fields)+2 || fields[0].Name != "Host" {
			t.Fatalf("head %q fields %v", head, fields)
		}
	})
}

// TestPoolRules: a kept-alive connection the server closed is replaced
// once for an idempotent request; the pool is bounded in all and in time.
func TestPoolRules(t *testing.T) {
	t.Run("a closed kept-alive connection is redialled", func(t *testing.T) {
		// Answers one request per connection without saying so, then
		// closes it, as servers do at their idle timeout.
		base := rawServer(t, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
		c := &exchange.Client{KeepAlive: true}
		defer c.CloseIdle()
		first := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, base+"/")})
		if first.Error != "" || c.Idle() != 1 {
			t.Fatalf("first: %q, %d idle", first.Error, c.Idle())
		}
		time.Sleep(50 * time.Millisecond) // the server has closed its end
		second := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, base+"/")})
		if second.Error != "" || second.Response == nil || second.Response.Status != 200 || second.Reused {
			t.Fatalf("second: %q reused %v", second.Error, second.Reused)
		}
		if c.Idle() != 1 {
			t.Fatalf("the redialled connection was not kept: %d idle", c.Idle())
		}
		time.Sleep(50 * time.Millisecond) // closed again by the server
		post := c.Do(context.Background(), exchange.Request{Method: "POST", URL: mustURL(t, base+"/"), Body: "x"})
		if post.Response != nil || !post.Reused {
			t.Errorf("a POST on a closed kept-alive connection was sent again: %+v", post.Response)
		}
	})
	t.Run("at most MaxIdle in all", func(t *testing.T) {
		c := &exchange.Client{KeepAlive: true, MaxIdle: 2}
		defer c.CloseIdle()
		for i := 0; i < 4; i++ {
			ts := service(t)
			if ex := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/status/204")}); ex.Error != "" {
				t.Fatal(ex.Error)
			}
		}
		if n := c.Idle(); n != 2 {
			t.Errorf("%d idle connections kept; at most 2", n)
		}
	})
	t.Run("not kept past IdleTimeout", func(t *testing.T) {
		ts := service(t)
		c := &exchange.Client{KeepAlive: true, IdleTimeout: time.Millisecond}
		defer c.CloseIdle()
		c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/status/204")})
		time.Sleep(5 * time.Millisecond)
		if ex := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/status/204")}); ex.Reused {
			t.Error("a connection idle past IdleTimeout was reused")
		}
	})
	t.Run("an interrupt is not a timeout", func(t *testing.T) {
		silent, _ := net.Listen("tcp", "127.0.0.1:0")
		defer silent.Close()
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		ex := (&exchange.Client{}).Do(ctx, exchange.Request{Method: "GET", URL: mustURL(t, "http://"+silent.Addr().String()+"/")})
		if ex.Failure != exchange.FailCancelled || !strings.Contains(ex.Error, "interrupted") {
			t.Errorf("%q %q", ex.Failure, ex.Error)
		}
	})
}

// TestHTTP2Client: the same report and chain rules through Go's
// transport, with the protocol HTTP/2 negotiated by ALPN.
func TestHTTP2Client(t *testing.T) {
	ts := httptest.NewUnstartedServer(server.NewServer(server.Options{}))
	ts.EnableHTTP2 = true
	ts.StartTLS()
	defer ts.Close()
	c := exchange.NewHTTP2Client(true, 2, "test/2", 10)
	defer c.CloseIdle()
	ch := c.Follow(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/redirect/2")}, exchange.Policy{Follow: true})
	if ch.Status != 200 || ch.Redirects != 2 || ch.Error != "" {
		t.Fatalf("status %d redirects %d error %q", ch.Status, ch.Redirects, ch.Error)
	}
	last := ch.Final()
	if last.Response.Proto != "HTTP/2.0" || !last.Reused || last.Conn.ALPN != "h2" || len(last.Response.Body) != 10 || !last.Response.BodyTruncated {
		t.Errorf("final %+v conn %+v reused %v", last.Response, last.Conn, last.Reused)
	}
	ex := c.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/status/103")})
	if len(ex.Interim) != 1 || ex.Interim[0].Status != 103 || ex.Response.Status != 200 {
		t.Errorf("103: interim %+v final %v", ex.Interim, ex.Response)
	}
	strict := exchange.NewHTTP2Client(false, 2, "", 10)
	if ex := strict.Do(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, ts.URL+"/")}); ex.Failure != exchange.FailTLS {
		t.Errorf("self-signed without -k: %q %q", ex.Failure, ex.Error)
	}
}

// TestAllowOnlyOfFollowedHops: Policy.Allow is asked of a hop only when
// it will be followed, never of the hop a loop or the redirect limit
// stops (a caller's Allow may take a slot of that host and wait on it).
func TestAllowOnlyOfFollowedHops(t *testing.T) {
	ts := service(t)
	loop := rawServer(t, "HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n")
	for _, c := range []struct {
		url    string
		policy exchange.Policy
		asked  int
	}{
		{loop + "/again", exchange.Policy{Follow: true}, 0},
		{ts.URL + "/redirect/5", exchange.Policy{Follow: true, MaxRedirects: 2}, 2},
		{ts.URL + "/redirect/2", exchange.Policy{Follow: true}, 2},
	} {
		asked := 0
		c.policy.Allow = func(_, _ *url.URL) string { asked++; return "" }
		(&exchange.Client{}).Follow(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, c.url)}, c.policy)
		if asked != c.asked {
			t.Errorf("%s: Allow asked %d times, want %d", c.url, asked, c.asked)
		}
	}
}

// TestPhasesOfABrokenResponse: bytes that arrived count as a transfer
// phase even when the response broke off before its head was complete.
func TestPhasesOfABrokenResponse(t *testing.T) {
	ex := exchange.Exchange{Timings: exchange.Timings{ConnectMS: 1, FirstByteMS: 3, TotalMS: 5}}
	if p := ex.Phases(); p[3] != 2 || p[4] != 2 {
		t.Errorf("phases %v: want wait 2 and transfer 2", p)
	}
}
