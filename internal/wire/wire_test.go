package wire

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// testConfig renames two headers, gives 499 and 413 their current
// phrases and renders refusals as "refused CODE overlong TEXT".
var testConfig = &Config{
	Phrase: func(code int) string {
		switch code {
		case 499:
			return "Client Closed Request"
		case 413:
			return "Content Too Large"
		case 104:
			return "Upload Resumption Supported"
		case 414:
			return "URI Too Long"
		}
		return ""
	},
	Names: map[string]string{"Www-Authenticate": "WWW-Authenticate", "Etag": "ETag"},
	Refusal: func(code int, text string, overlong bool) (int, string, []byte) {
		if overlong {
			code = 414
		}
		return code, "text/plain", []byte("refused " + text)
	},
}

// newServer serves h through the wire layer on loopback.
func newServer(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, ok := FromContext(r.Context()); ok {
			c.Begin()
		}
		h(w, r)
	}))
	ts.Config.MaxHeaderBytes = 4 << 10
	ts.Listener = Install(ts.Config, testConfig)(ts.Listener)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts.Listener.Addr().String()
}

// exchange sends raw and returns everything the server answers until the
// connection has been quiet for a moment or closes.
func exchange(t *testing.T, addr, raw string) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	go io.WriteString(c, raw) // may block on a huge request the server stops reading
	var out bytes.Buffer
	buf := make([]byte, 64<<10)
	for {
		c.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
		n, err := c.Read(buf)
		out.Write(buf[:n])
		if err != nil {
			return out.String()
		}
	}
}

func TestStatusLineAndHeaderNames(t *testing.T) {
	addr := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/499":
			w.Header().Set("WWW-Authenticate", `Basic realm="x"`)
			w.Header().Set("ETag", `"e"`)
			w.Header().Set("X-Other", "1")
			w.WriteHeader(499)
			io.WriteString(w, "HTTP/1.1 499 status code 499\r\nWww-Authenticate: x\r\n\r\n")
		case "/413":
			w.WriteHeader(413)
		case "/custom":
			c, _ := FromContext(r.Context())
			c.SetReason(200, "Fine Thanks")
			c.SetReason(404, "unused")
		case "/empty":
			c, _ := FromContext(r.Context())
			c.SetReason(200, "")
		case "/interim":
			w.Header().Set("Etag", `"i"`)
			w.WriteHeader(104)
			w.WriteHeader(104)
			w.WriteHeader(413)
		case "/big":
			w.Header().Set("X-Big", strings.Repeat("b", 10000)) // the head spans writes
			w.Header().Set("Etag", `"big"`)
			w.WriteHeader(499)
		}
	})
	for _, tc := range []struct {
		path      string
		want      []string
		forbidden []string
	}{
		{"/499", []string{"HTTP/1.1 499 Client Closed Request\r\n", "\r\nWWW-Authenticate: Basic", "\r\nETag: \"e\"\r\n", "\r\nX-Other: 1\r\n",
			"\r\n\r\nHTTP/1.1 499 status code 499\r\nWww-Authenticate: x\r\n\r\n"}, // the body is left alone
			[]string{"\r\nWww-Authenticate: Basic", "Etag"}},
		{"/413", []string{"HTTP/1.1 413 Content Too Large\r\n"}, []string{"Entity"}},
		{"/custom", []string{"HTTP/1.1 200 Fine Thanks\r\n"}, []string{"200 OK"}},
		{"/empty", []string{"HTTP/1.1 200 \r\n"}, []string{"200 OK"}},
		{"/interim", []string{"HTTP/1.1 104 Upload Resumption Supported\r\nETag: \"i\"\r\n\r\nHTTP/1.1 104 Upload Resumption Supported\r\n", "HTTP/1.1 413 Content Too Large\r\n"}, []string{"status code 104", "Etag"}},
		{"/big", []string{"HTTP/1.1 499 Client Closed Request\r\n", "\r\nETag: \"big\"\r\n", strings.Repeat("b", 10000)}, []string{"Etag"}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			got := exchange(t, addr, "GET "+tc.path+" HTTP/1.1\r\nHost: x\r\n\r\n")
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
			for _, f := range tc.forbidden {
				if strings.Contains(got, f) {
					t.Errorf("%q should not be in:\n%s", f, got)
				}
			}
		})
	}
}

// TestKeepAliveAndPipelining sends three requests on one connection at
// once: each answer is rewritten, a custom phrase does not outlive its
// response, and the bodies and framing survive.
func TestKeepAliveAndPipelining(t *testing.T) {
	addr := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/custom" {
			c, _ := FromContext(r.Context())
			c.SetReason(499, "Custom")
		}
		if r.URL.Path == "/chunked" {
			w.Write([]byte("HTTP/1.1 499 x\r\n\r\n"))
			w.(http.Flusher).Flush()
			w.Write([]byte("more"))
			return
		}
		w.WriteHeader(499)
		io.WriteString(w, r.URL.Path)
	})
	got := exchange(t, addr, "GET /custom HTTP/1.1\r\nHost: x\r\n\r\nGET /chunked HTTP/1.1\r\nHost: x\r\n\r\nHEAD /plain HTTP/1.1\r\nHost: x\r\n\r\nGET /plain HTTP/1.1\r\nHost: x\r\n\r\n")
	br := bufio.NewReader(strings.NewReader(got))
	for i, want := range []struct {
		method, status, body string
	}{{"GET", "499 Custom", "/custom"}, {"GET", "200 OK", "HTTP/1.1 499 x\r\n\r\nmore"}, {"HEAD", "499 Client Closed Request", ""}, {"GET", "499 Client Closed Request", "/plain"}} {
		resp, err := http.ReadResponse(br, &http.Request{Method: want.method})
		if err != nil {
			t.Fatalf("response %d: %v in\n%s", i, err, got)
		}
		body, _ := io.ReadAll(resp.Body)
		if resp.Status != want.status || string(body) != want.body {
			t.Errorf("response %d: %q %q, want %q %q", i, resp.Status, body, want.status, want.body)
		}
	}
}

// TestRefusals covers net/http's own answers to requests it cannot read:
// an over-long request line becomes 414, over-long header fields stay
// 431, a bad Host stays 400, each rendered by the configuration.
func TestRefusals(t *testing.T) {
	addr := newServer(t, func(w http.ResponseWriter, r *http.Request) {})
	long := strings.Repeat("a", 64<<10)
	for _, tc := range []struct{ name, request, want string }{
		{"long request line", "GET /" + long + " HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 414 URI Too Long\r\nContent-Type: text/plain\r\nContent-Length: 43\r\n"},
		{"long request line, no version yet", "GET /" + long, "HTTP/1.1 414 URI Too Long\r\n"},
		{"long header field", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + long + "\r\n\r\n", "HTTP/1.1 431 Request Header Fields Too Large\r\n"},
		{"many header fields", "GET / HTTP/1.1\r\nHost: x\r\n" + strings.Repeat("X-A: b\r\n", 10000) + "\r\n", "HTTP/1.1 431 Request Header Fields Too Large\r\n"},
		{"bad host", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", "refused 400 Bad Request: malformed Host header"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := exchange(t, addr, tc.request)
			if !strings.Contains(got, tc.want) || !strings.Contains(got, "Connection: close\r\n") {
				t.Errorf("want %q in:\n%.400s", tc.want, got)
			}
		})
	}
}

// TestHandlerErrorIsNotARefusal: a handler's own 4xx is only rewritten,
// never replaced.
func TestHandlerErrorIsNotARefusal(t *testing.T) {
	addr := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "mine", 431)
	})
	got := exchange(t, addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	if !strings.Contains(got, "mine") || strings.Contains(got, "refused") {
		t.Errorf("got\n%s", got)
	}
}

// TestSwitchingProtocols: after 101 the bytes are another protocol's and
// pass untouched, even when they look like a head.
func TestSwitchingProtocols(t *testing.T) {
	addr := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Upgrade", "x")
		w.Header().Set("Connection", "Upgrade")
		w.WriteHeader(101)
		conn, brw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		brw.WriteString("HTTP/1.1 499 status code 499\r\nEtag: x\r\n\r\n")
		brw.Flush()
	})
	got := exchange(t, addr, "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n")
	if !strings.HasPrefix(got, "HTTP/1.1 101 Switching Protocols\r\n") || !strings.Contains(got, "\r\n\r\nHTTP/1.1 499 status code 499\r\nEtag: x\r\n\r\n") {
		t.Errorf("got\n%s", got)
	}
}

// TestHTTP10 keeps the version net/http answers with.
func TestHTTP10(t *testing.T) {
	addr := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(413) })
	got := exchange(t, addr, "GET / HTTP/1.0\r\n\r\n")
	if !strings.HasPrefix(got, "HTTP/1.0 413 Content Too Large\r\n") {
		t.Errorf("got\n%s", got)
	}
}

// recorder is a net.Conn that keeps what is written to it.
type recorder struct {
	net.Conn
	out bytes.Buffer
}

func (r *recorder) Write(p []byte) (int, error) { return r.out.Write(p) }
func (r *recorder) Close() error                { return nil }

// FuzzWrite feeds arbitrary bytes in arbitrary pieces: the result never
// depends on how the bytes were split, and nothing panics.
func FuzzWrite(f *testing.F) {
	f.Add([]byte("HTTP/1.1 499 status code 499\r\nWww-Authenticate: x\r\n\r\nbody"), uint8(3))
	f.Add([]byte("HTTP/1.1 104 status code 104\r\n\r\nHTTP/1.1 200 OK\r\nEtag: 1\r\n\r\n"), uint8(1))
	f.Add([]byte("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n431 x"), uint8(7))
	f.Add([]byte("HTTP/1.1 1\r\n\r\n\r\n\r\n"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, step uint8) {
		whole := &recorder{}
		wc := NewConn(whole, testConfig)
		wc.Write(data)
		wc.Close()
		split := &recorder{}
		c := NewConn(split, testConfig)
		n := int(step%16) + 1
		for i := 0; i < len(data); i += n {
			c.Write(data[i:min(i+n, len(data))])
		}
		c.Close()
		if !bytes.Equal(whole.out.Bytes(), split.out.Bytes()) {
			t.Fatalf("split by %d:\n%q\nwhole:\n%q", n, split.out.Bytes(), whole.out.Bytes())
		}
	})
}

// discard is a net.Conn that drops what is written to it.
type discard struct{ net.Conn }

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// BenchmarkWrite measures what the layer adds to one typical response
// (a head of eight fields and a short body in one write), against
// passing the same bytes straight through.
func BenchmarkWrite(b *testing.B) {
	response := []byte("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: *\r\nContent-Length: 7\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\nEtag: \"200-text\"\r\nVary: Accept\r\nX-Content-Type-Options: nosniff\r\n" +
		"Date: Tue, 01 Dec 2026 11:36:21 GMT\r\n\r\n200 OK\n")
	b.Run("wire", func(b *testing.B) {
		c := NewConn(discard{}, testConfig)
		b.ReportAllocs()
		for b.Loop() {
			c.Write(response)
			c.connState(http.StateIdle)
		}
	})
	b.Run("straight", func(b *testing.B) {
		var c net.Conn = discard{}
		b.ReportAllocs()
		for b.Loop() {
			c.Write(response)
		}
	})
}
