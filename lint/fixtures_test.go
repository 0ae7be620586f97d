package lint_test

// The fixture corpus: misbehaving and correct servers, written as the raw
// bytes they send, served from a loopback listener (so a short body, bytes
// after a HEAD response or a missing framing are real on the wire),
// fetched and followed by the recording engine (internal/exchange), linted
// with lint.CheckChain (and lint.CheckActive when the fixture asks), and
// compared with golden findings.
//
// # Fixture files
//
// testdata/fixtures/NAME.txt is one fixture; NAME.golden.json holds what it
// gives. A fixture file is a preamble, then one or more routes:
//
//	# what the fixture shows (the first line, required)
//	# more comment lines
//	> POST /items                 the request line (default: GET /)
//	> Content-Type: text/plain    a request header; as many as needed
//	https                         send the first request over TLS
//	active                        run lint.CheckActive on the final exchange too
//	expect rule-a rule-b          these rules must be among the findings
//	clean [rule ...]              no findings at all, but of the rules listed
//	fails                         the engine gets no response (the golden
//	                              file keeps its error); nothing to lint
//	< [METHOD] /path [if Header-Name] [close]
//	HTTP/1.1 200 OK
//	Content-Length: {{length}}
//
//	body bytes
//
// A route line "< [METHOD] /path|* [if Header-Name] [close]" answers the
// requests with that method (any when none is given), whose path (without
// the query) is /path (any path for *), and, with "if", only those that
// carry the named header. The first route that matches in file order
// answers; a request no route matches fails the test.
//
// After the route line come the response heads: the status line and the
// header lines up to an empty line (the loader turns their LF into CRLF).
// When the status is 1xx but 101, another head follows at once (interim
// responses, then the final one). After the final head's empty line, the
// body follows verbatim (LF stays LF) up to the next line that begins with
// "< " or the end of the file; the single line break before that line or
// the end of the file is not part of the body, so a body that ends in a
// line break is followed by an empty line. A route with no empty line is
// a head without body. In heads and bodies, \xHH stands for the byte HH
// (\x20 is a trailing space that an editor cannot strip, \x0d a CR);
// {{host}} is the server's 127.0.0.1:port; in a head, {{length}} is the
// length of the body in bytes.
//
// The server writes exactly those bytes, with one courtesy: a route that
// does not name HEAD, answering a HEAD request, sends its heads without
// the body, as a correct server does (a route "< HEAD ..." sends all it
// holds, to show content after a HEAD response). It keeps the connection
// open for the next request unless the route says close or the final head
// carries Connection: close; then it closes after writing, so a body
// shorter than its Content-Length really is cut short. The listener takes
// plain HTTP and TLS (a self-signed certificate) on the same port, telling
// them apart by the first byte, so a redirect from https to http needs
// one server.
//
// # Golden files
//
// NAME.golden.json records the hops ("GET /a -> 103 200": the request and
// the status of each response), the engine's error when the chain stopped
// early, and the findings: rule, severity, hop, code and message, the
// passive ones as CheckChain orders them, then the active ones. The
// server's address in messages is written {{host}}, and the random path
// of the soft-404 check httpstatus-lint-RANDOM. Rewrite them with
//
//	go test ./lint -run Fixtures -update
//
// and review the diff: "expect" and "clean" are checked even then.
//
// # Coverage
//
// Every rule in lint.Rules() must be produced by some fixture, or else by
// one of the synthetic exchanges below (rules no exchange through the
// engine can produce, each with the reason); the test fails naming any
// rule that is neither. The synthetic ones are interim-to-http10 (the
// engine sends only HTTP/1.1), content-length-invalid (net/http refuses
// such a response before the linter sees it; the fixture
// content-length-invalid-refused shows that), and status-100-content,
// status-101-content, status-102-content, status-103-content and
// status-104-content (over HTTP/1.1 a 1xx is never a final response with
// content of its own: bytes after it are the next response, or after a
// 101 the new protocol).

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/fixtures")

// synthetic are the rules no exchange through the engine can produce,
// each shown by an exchange built by hand, with the reason.
var synthetic = []struct {
	rule, why string
	ex        lint.Exchange
}{
	{
		rule: "interim-to-http10",
		why:  "the engine sends every request as HTTP/1.1",
		ex: lint.Exchange{
			Request: lint.Request{Method: "GET", URL: "http://example.com/", Proto: "HTTP/1.0"},
			Interim: []lint.Response{{Proto: "HTTP/1.1", StatusCode: 103, Reason: "Early Hints", Header: http.Header{"Link": {"</a.css>; rel=preload; as=style"}}}},
			Response: lint.Response{Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK", Length: -1,
				Header: http.Header{"Content-Type": {"text/plain"}, "Etag": {`"a"`}}, Body: []byte("hello")},
		},
	},
	{
		rule: "content-length-invalid",
		why:  "the engine reads heads with net/http, which refuses a response whose Content-Length is not one number before the linter sees it (see the fixture content-length-invalid-refused)",
		ex: lint.Exchange{
			Request: lint.Request{Method: "GET", URL: "http://example.com/", Proto: "HTTP/1.1"},
			Response: lint.Response{Proto: "HTTP/1.1", StatusCode: 200, Reason: "OK", Length: -1,
				Header: http.Header{"Content-Type": {"text/plain"}, "Etag": {`"a"`}, "Content-Length": {"5, 6"}}, Body: []byte("hello")},
		},
	},
	{
		rule: "status-100-content",
		why:  "a 1xx other than 101 is never a final response: the engine reads the next head after it, so bytes after a 1xx are a broken next response, not its content",
		ex:   finalWithContent(100),
	},
	{
		rule: "status-102-content",
		why:  "as status-100-content: a 102 is always read as an interim response",
		ex:   finalWithContent(102),
	},
	{
		rule: "status-103-content",
		why:  "as status-100-content: a 103 is always read as an interim response",
		ex:   finalWithContent(103),
	},
	{
		rule: "status-104-content",
		why:  "as status-100-content: a 104 is always read as an interim response",
		ex:   finalWithContent(104),
	},
	{
		rule: "status-101-content",
		why:  "after a 101 the connection speaks the new protocol: the engine stops reading there, so bytes after the head are never counted as content",
		ex:   finalWithContent(101),
	},
}

// finalWithContent is a GET answered by a final response of code with
// content, which the code forbids.
func finalWithContent(code int) lint.Exchange {
	h := http.Header{}
	if code == 101 {
		h.Set("Connection", "upgrade")
		h.Set("Upgrade", "websocket")
	}
	return lint.Exchange{
		Request:  lint.Request{Method: "GET", URL: "http://example.com/", Proto: "HTTP/1.1"},
		Response: lint.Response{Proto: "HTTP/1.1", StatusCode: code, Header: h, Body: []byte("oops"), Length: -1},
	}
}

// fixture is one fixture file, parsed.
type fixture struct {
	name, about string
	method      string
	path        string
	header      []exchange.Field
	https       bool
	active      bool
	expect      []string
	clean       bool
	cleanExcept []string
	fails       bool
	routes      []route
}

// route is a canned answer and the requests it is for.
type route struct {
	method, path, ifHeader string
	close                  bool
	heads                  []string // each ends in CRLF CRLF; {{host}} not yet filled
	body                   string
	line                   int
}

// unescape turns \xHH into the byte HH.
func unescape(s string) (string, error) {
	if !strings.Contains(s, `\x`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && s[i+1] == 'x' {
			v, err := hex.DecodeString(s[i+2 : i+4])
			if err != nil {
				return "", fmt.Errorf("bad escape %q", s[i:i+4])
			}
			b.Write(v)
			i += 3
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String(), nil
}

// parseFixture reads a fixture file; see the package comment of this file.
func parseFixture(name, text string) (*fixture, error) {
	fx := &fixture{name: name, method: "GET", path: "/"}
	lines := strings.SplitAfter(text, "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "# ") {
		return nil, fmt.Errorf("the first line must be '# what it shows'")
	}
	fx.about = strings.TrimSpace(strings.TrimPrefix(lines[0], "#"))
	i := 1
	for ; i < len(lines) && !strings.HasPrefix(lines[i], "< "); i++ {
		line := strings.TrimRight(lines[i], "\r\n")
		fields := strings.Fields(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "> "):
			rest := strings.TrimPrefix(line, "> ")
			if name, value, ok := strings.Cut(rest, ":"); ok && !strings.Contains(name, " ") {
				fx.header = append(fx.header, exchange.Field{Name: name, Value: strings.TrimSpace(value)})
				continue
			}
			f := strings.Fields(rest)
			if len(f) != 2 || !strings.HasPrefix(f[1], "/") {
				return nil, fmt.Errorf("line %d: want '> METHOD /path' or '> Name: value'", i+1)
			}
			fx.method, fx.path = f[0], f[1]
		case line == "https":
			fx.https = true
		case line == "active":
			fx.active = true
		case line == "fails":
			fx.fails = true
		case fields[0] == "expect" && len(fields) > 1:
			fx.expect = append(fx.expect, fields[1:]...)
		case fields[0] == "clean":
			fx.clean, fx.cleanExcept = true, fields[1:]
		default:
			return nil, fmt.Errorf("line %d: unknown line %q", i+1, line)
		}
	}
	for i < len(lines) {
		start := i
		f := strings.Fields(strings.TrimPrefix(strings.TrimRight(lines[i], "\r\n"), "< "))
		r := route{line: i + 1}
		if len(f) > 0 && !strings.HasPrefix(f[0], "/") && f[0] != "*" {
			r.method, f = f[0], f[1:]
		}
		if len(f) == 0 {
			return nil, fmt.Errorf("line %d: a route needs a path or *", i+1)
		}
		r.path, f = f[0], f[1:]
		for len(f) > 0 {
			switch {
			case f[0] == "close":
				r.close, f = true, f[1:]
			case f[0] == "if" && len(f) > 1:
				r.ifHeader, f = f[1], f[2:]
			default:
				return nil, fmt.Errorf("line %d: unknown route flag %q", i+1, f[0])
			}
		}
		for i++; i < len(lines) && !strings.HasPrefix(lines[i], "< "); i++ {
		}
		block := strings.Join(lines[start+1:i], "")
		block = strings.TrimSuffix(block, "\n")
		for {
			head, rest, found := strings.Cut(block, "\n\n")
			if !found {
				head = strings.TrimRight(head, "\n") // a head without body
			}
			var hl []string
			for _, l := range strings.Split(head, "\n") {
				u, err := unescape(l)
				if err != nil {
					return nil, fmt.Errorf("route at line %d: %v", r.line, err)
				}
				hl = append(hl, u)
			}
			r.heads = append(r.heads, strings.Join(hl, "\r\n")+"\r\n\r\n")
			if !found {
				break
			}
			if code := statusOf(hl[0]); code/100 == 1 && code != 101 {
				block = rest
				continue
			}
			body, err := unescape(rest)
			if err != nil {
				return nil, fmt.Errorf("route at line %d: %v", r.line, err)
			}
			r.body = body
			break
		}
		last := len(r.heads) - 1
		r.heads[last] = strings.ReplaceAll(r.heads[last], "{{length}}", strconv.Itoa(len(r.body)))
		fx.routes = append(fx.routes, r)
	}
	if len(fx.routes) == 0 {
		return nil, fmt.Errorf("no route")
	}
	return fx, nil
}

// statusOf is the status code on a status line; 0 when there is none.
func statusOf(line string) int {
	f := strings.Fields(line)
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.Atoi(f[1])
	return n
}

// find is the route that answers req; nil when none does.
func (fx *fixture) find(req *http.Request) *route {
	for i := range fx.routes {
		r := &fx.routes[i]
		if r.method != "" && r.method != req.Method || r.path != "*" && r.path != req.URL.Path ||
			r.ifHeader != "" && req.Header.Get(r.ifHeader) == "" {
			continue
		}
		return r
	}
	return nil
}

// rawServer serves a fixture's routes on loopback, over plain HTTP and
// TLS on the same port.
type rawServer struct {
	fx   *fixture
	ln   net.Listener
	addr string
	wg   sync.WaitGroup

	mu        sync.Mutex
	conns     map[net.Conn]bool
	unmatched []string
	closed    bool
}

var serverCert = sync.OnceValues(func() (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
})

func startRaw(t *testing.T, fx *fixture) *rawServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &rawServer{fx: fx, ln: ln, addr: ln.Addr().String(), conns: map[net.Conn]bool{}}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			if s.closed {
				s.mu.Unlock()
				c.Close()
				return
			}
			s.conns[c] = true
			s.wg.Add(1)
			s.mu.Unlock()
			go func() {
				defer s.wg.Done()
				defer func() {
					s.mu.Lock()
					delete(s.conns, c)
					s.mu.Unlock()
					c.Close()
				}()
				s.serve(c)
			}()
		}
	}()
	return s
}

// close stops the listener and every connection, and waits for the
// server's goroutines to end.
func (s *rawServer) close() {
	s.mu.Lock()
	s.closed = true
	s.ln.Close()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// peekedConn is a connection whose first bytes were read ahead.
type peekedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c peekedConn) Read(p []byte) (int, error) { return c.r.Read(p) }

// serve answers the requests on one connection.
func (s *rawServer) serve(c net.Conn) {
	var conn net.Conn = c
	pr := bufio.NewReader(c)
	first, err := pr.Peek(1)
	if err != nil {
		return
	}
	if first[0] == 0x16 { // a TLS handshake record
		cert, err := serverCert()
		if err != nil {
			return
		}
		tc := tls.Server(peekedConn{c, pr}, &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"http/1.1"}})
		if tc.Handshake() != nil {
			return
		}
		conn, pr = tc, bufio.NewReader(tc)
	}
	for {
		req, err := http.ReadRequest(pr)
		if err != nil {
			return
		}
		io.Copy(io.Discard, req.Body)
		r := s.fx.find(req)
		if r == nil {
			s.mu.Lock()
			s.unmatched = append(s.unmatched, req.Method+" "+req.URL.RequestURI())
			s.mu.Unlock()
			return
		}
		var out bytes.Buffer
		for _, h := range r.heads {
			out.WriteString(strings.ReplaceAll(h, "{{host}}", s.addr))
		}
		if req.Method != http.MethodHead || r.method == http.MethodHead {
			out.WriteString(strings.ReplaceAll(r.body, "{{host}}", s.addr))
		}
		if _, err := conn.Write(out.Bytes()); err != nil {
			return
		}
		final := r.heads[len(r.heads)-1]
		if r.close || connectionClose(final) {
			return
		}
	}
}

// connectionClose reports whether a head carries Connection: close.
func connectionClose(head string) bool {
	for _, line := range strings.Split(head, "\r\n") {
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Connection") {
			for _, opt := range strings.Split(value, ",") {
				if strings.EqualFold(strings.TrimSpace(opt), "close") {
					return true
				}
			}
		}
	}
	return false
}

// golden is what a fixture gives.
type golden struct {
	Hops     []string  `json:"hops"`
	Error    string    `json:"error,omitempty"`
	Findings []finding `json:"findings"`
}

type finding struct {
	Rule     string        `json:"rule"`
	Severity lint.Severity `json:"severity"`
	Hop      int           `json:"hop"`
	Code     int           `json:"code"`
	Message  string        `json:"message"`
}

var randomSibling = regexp.MustCompile(`httpstatus-lint-[0-9a-f]+`)

// run serves fx, follows its request with the engine and lints the chain.
func run(t *testing.T, fx *fixture) (golden, []lint.Finding) {
	s := startRaw(t, fx)
	defer s.close()
	client := &exchange.Client{Dialer: &exchange.NetDialer{Insecure: true}, KeepAlive: true}
	defer client.CloseIdle()
	mask := func(v string) string {
		v = strings.ReplaceAll(v, s.addr, "{{host}}")
		return randomSibling.ReplaceAllString(v, "httpstatus-lint-RANDOM")
	}

	scheme := "http"
	if fx.https {
		scheme = "https"
	}
	u, err := url.Parse(scheme + "://" + s.addr + fx.path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ch := client.Follow(ctx, exchange.Request{Method: fx.method, URL: u, Header: fx.header},
		exchange.Policy{Follow: true, MaxRedirects: 10, Timeout: 5 * time.Second})
	hops := ch.LintChain()
	switch {
	case fx.fails && len(hops) > 0:
		t.Errorf("a response arrived, but the fixture says the engine gets none")
	case !fx.fails && len(hops) == 0:
		t.Fatalf("no response: %s", ch.Error)
	}
	fs := lint.CheckChain(hops)
	if fx.active && len(hops) > 0 {
		fs = append(fs, lint.CheckActive(ctx, hops[len(hops)-1], len(hops)-1, exchange.LintSender{Doer: client})...)
	}

	g := golden{Error: mask(ch.Error), Findings: []finding{}}
	for _, ex := range ch.Exchanges {
		hop := ex.Request.Method + " " + mask(ex.Request.Target) + " ->"
		for _, r := range ex.Interim {
			hop += " " + strconv.Itoa(r.Status)
		}
		if ex.Response != nil {
			hop += " " + strconv.Itoa(ex.Response.Status)
		} else {
			hop += " no response"
		}
		g.Hops = append(g.Hops, hop)
	}
	for _, f := range fs {
		g.Findings = append(g.Findings, finding{f.Rule, f.Severity, f.Hop, f.Code, mask(f.Message)})
	}
	s.mu.Lock()
	unmatched := slices.Clone(s.unmatched)
	s.mu.Unlock()
	if len(unmatched) > 0 {
		t.Errorf("no route for %s", strings.Join(unmatched, ", "))
	}
	return g, fs
}

func encode(g golden) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func TestFixtures(t *testing.T) {
	dir := filepath.Join("testdata", "fixtures")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures in " + dir)
	}

	var (
		mu   sync.Mutex
		seen = map[string][]string{} // rule: the fixtures that produce it
		ran  int
	)
	note := func(name string, fs []lint.Finding) {
		mu.Lock()
		defer mu.Unlock()
		ran++
		for _, f := range fs {
			if !slices.Contains(seen[f.Rule], name) {
				seen[f.Rule] = append(seen[f.Rule], name)
			}
		}
	}

	t.Run("corpus", func(t *testing.T) {
		for _, file := range files {
			name := strings.TrimSuffix(filepath.Base(file), ".txt")
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				text, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				fx, err := parseFixture(name, string(text))
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				g, fs := run(t, fx)
				note(name, fs)

				ids := map[string]bool{}
				for _, f := range fs {
					ids[f.Rule] = true
					if _, ok := lint.RuleByID(f.Rule); !ok {
						t.Errorf("finding of unknown rule %s", f.Rule)
					}
				}
				for _, id := range fx.expect {
					if !ids[id] {
						t.Errorf("expected a finding of %s (%s)", id, fx.about)
					}
				}
				if fx.clean {
					for _, f := range fs {
						if !slices.Contains(fx.cleanExcept, f.Rule) {
							t.Errorf("a clean fixture (%s) gave %s", fx.about, f)
						}
					}
				}
				if !fx.clean && !fx.fails && len(fx.expect) == 0 {
					t.Errorf("say what the fixture must give: an expect, clean or fails line")
				}

				got := encode(g)
				goldenFile := filepath.Join(dir, name+".golden.json")
				if *update {
					if err := os.WriteFile(goldenFile, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(goldenFile)
				if err != nil {
					t.Fatalf("%v (run go test ./lint -run Fixtures -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s (rerun with -update and review the diff):\ngot:\n%s\nwant:\n%s", name, goldenFile, got, want)
				}
			})
		}
		for _, s := range synthetic {
			t.Run("synthetic/"+s.rule, func(t *testing.T) {
				fs := lint.Check(s.ex)
				note("synthetic", fs)
				if !slices.ContainsFunc(fs, func(f lint.Finding) bool { return f.Rule == s.rule }) {
					t.Errorf("the synthetic exchange for %s (%s) does not produce it: %v", s.rule, s.why, fs)
				}
			})
		}
	})

	if ran != len(files)+len(synthetic) {
		return // a -run pattern chose some fixtures: no coverage to judge
	}
	var missing []string
	for _, r := range lint.Rules() {
		if len(seen[r.ID]) == 0 {
			missing = append(missing, r.ID)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d rules have no fixture that produces them: %s", len(missing), strings.Join(missing, ", "))
	}
	for id, names := range seen {
		if _, ok := lint.RuleByID(id); !ok {
			t.Errorf("fixtures %v produce %s, which lint.Rules() does not list", names, id)
		}
	}
}
