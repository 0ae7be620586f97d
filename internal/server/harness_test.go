package server

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// newTestServer starts the service on a loopback port for one test.
func newTestServer(t *testing.T, opts Options) (*httptest.Server, *server) {
	t.Helper()
	s := newServer(opts)
	ts := httptest.NewUnstartedServer(s.handler)
	ts.Listener = Install(ts.Config)(ts.Listener)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts, s
}

// noRedirects is a client that reports redirects instead of following them.
var noRedirects = &http.Client{
	Timeout:       20 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// call sends one request and returns the response with its body read.
func call(t *testing.T, method, url string, header http.Header, body io.Reader) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, url, err)
	}
	return resp, string(b)
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	return call(t, http.MethodGet, url, nil, nil)
}

// rawExchange writes a raw request to the server and returns everything
// it answers until the connection goes quiet or closes, for the parts of
// HTTP Go's client hides (1xx interim responses).
func rawExchange(t *testing.T, ts *httptest.Server, request string, quiet time.Duration) string {
	t.Helper()
	conn := dial(t, ts)
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	return readFor(t, conn, quiet)
}

// readResponses parses consecutive responses (interim ones first) from raw.
func readResponses(t *testing.T, raw string) []*http.Response {
	t.Helper()
	r := bufio.NewReader(strings.NewReader(raw))
	var out []*http.Response
	for {
		resp, err := http.ReadResponse(r, nil)
		if err != nil {
			return out
		}
		io.ReadAll(resp.Body)
		out = append(out, resp)
		if resp.StatusCode >= 200 {
			return out
		}
	}
}

func dial(t *testing.T, ts *httptest.Server) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// readFor reads what arrives on conn until it has been quiet for d.
func readFor(t *testing.T, conn net.Conn, d time.Duration) string {
	t.Helper()
	var out strings.Builder
	buf := make([]byte, 4096)
	for {
		conn.SetReadDeadline(time.Now().Add(d))
		n, err := conn.Read(buf)
		out.Write(buf[:n])
		if err != nil {
			return out.String()
		}
	}
}
