// Package wire gives an HTTP/1.x server the last word on the bytes it
// sends, for the parts net/http decides alone and a test service must get
// right: the reason phrase on the status line (net/http writes its own
// table's, older names included, or "status code 499"), the case of header
// names (net/http writes Go's canonical "Www-Authenticate", not the
// registered "WWW-Authenticate"), and the plain-text answers net/http
// gives itself to requests it refuses before any handler runs (an
// over-long request line gets 431 there; RFC 9110 §15.5.15 makes it 414).
//
// It works as a connection wrapper. net/http serves one request at a time
// per HTTP/1 connection and flushes each response completely before it
// goes idle, so the wrapper knows that the first bytes written after the
// connection starts or goes idle are a status line and header section: it
// holds them until the blank line, rewrites them, and passes everything
// else through untouched. Interim (1xx) heads are followed by another
// head; 101 switches protocols, after which nothing is touched. HTTP/2 is
// not affected: it has no reason phrase and lowercases every name.
//
// Install wires it into an http.Server:
//
//	wrap := wire.Install(srv, cfg)
//	srv.Serve(wrap(listener))
package wire

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"strconv"
	"sync"
)

// Config says how heads are rewritten.
type Config struct {
	// Phrase is the reason phrase for code; "" keeps net/http's.
	Phrase func(code int) string
	// Names maps header names as net/http writes them (canonical) to the
	// case to send instead.
	Names map[string]string
	// Refusal renders net/http's own refusal of a request it could not
	// read (code 400 or 431 and its text), as the service's error: the
	// code to send (414 when overlongTarget says the request line was
	// what was too long), a Content-Type and a body.
	Refusal func(code int, text string, overlongTarget bool) (newCode int, contentType string, body []byte)

	lengthsOnce sync.Once
	lengths     uint64 // bit n: some name in Names is n bytes long (n < 64)
}

// nameLengths is a bit set of the lengths of the names in Names, so that
// most fields are passed over without a map lookup.
func (cfg *Config) nameLengths() uint64 {
	cfg.lengthsOnce.Do(func() {
		for name := range cfg.Names {
			if len(name) < 64 {
				cfg.lengths |= 1 << len(name)
			}
		}
	})
	return cfg.lengths
}

// maxHead bounds the bytes held while waiting for the end of a head. The
// server's own header limits keep real heads far below it; past it the
// head goes out as it is.
const maxHead = 1 << 20

// maxScratch is the largest output buffer a connection keeps between
// responses: a head and the start of a body fit in it.
const maxScratch = 8 << 10

// Install sets srv's ConnContext and ConnState hooks (calling any it
// already has) and returns the listener wrapper srv must serve with.
func Install(srv *http.Server, cfg *Config) func(net.Listener) net.Listener {
	prevContext, prevState := srv.ConnContext, srv.ConnState
	srv.ConnContext = func(ctx context.Context, c net.Conn) context.Context {
		if prevContext != nil {
			ctx = prevContext(ctx, c)
		}
		if wc, ok := find(c); ok {
			ctx = context.WithValue(ctx, connKey{}, wc)
		}
		return ctx
	}
	srv.ConnState = func(c net.Conn, st http.ConnState) {
		if wc, ok := find(c); ok {
			wc.connState(st)
		}
		if prevState != nil {
			prevState(c, st)
		}
	}
	return func(ln net.Listener) net.Listener { return &listener{ln, cfg} }
}

// find unwraps c down to the wire connection, through wrappers that say
// what they wrap with NetConn (as *tls.Conn does).
func find(c net.Conn) (*Conn, bool) {
	for c != nil {
		if wc, ok := c.(*Conn); ok {
			return wc, true
		}
		u, ok := c.(interface{ NetConn() net.Conn })
		if !ok {
			return nil, false
		}
		c = u.NetConn()
	}
	return nil, false
}

type connKey struct{}

// FromContext returns the wire connection a request came on; false for
// requests that did not come through Install's listener (HTTP/2, tests).
func FromContext(ctx context.Context) (*Conn, bool) {
	c, ok := ctx.Value(connKey{}).(*Conn)
	return c, ok
}

type listener struct {
	net.Listener
	cfg *Config
}

func (l *listener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return NewConn(c, l.cfg), nil
}

// Write states.
const (
	stateHead    = iota // the next bytes written start a head
	stateBody           // a final head went out; pass through until idle
	stateRaw            // the protocol switched: pass through for good
	stateRefusal        // net/http is refusing a request: hold its text until it closes
)

// Conn is one HTTP/1 connection as the wire layer sees it.
type Conn struct {
	net.Conn
	cfg *Config

	mu          sync.Mutex
	state       int
	head        []byte // a head being held until its blank line
	refused     int    // the code of the refusal being held
	scratch     []byte // the output buffer, reused
	scratchBusy bool
	reasons     map[int]string // phrases set for the current response
	handled     bool           // a handler has begun the current response

	// The request line being read, for telling an over-long request line
	// from over-long header fields: the bytes read since the last LF and
	// the first few of them.
	readMu    sync.Mutex
	lineLen   int
	lineStart [16]byte
	lineN     int
}

// NewConn wraps c. Install's listener does it for every connection.
func NewConn(c net.Conn, cfg *Config) *Conn { return &Conn{Conn: c, cfg: cfg} }

// NetConn returns the wrapped connection.
func (c *Conn) NetConn() net.Conn { return c.Conn }

// Begin marks the start of a handler's response, so that a head it
// writes is not taken for one of net/http's refusals.
func (c *Conn) Begin() {
	c.mu.Lock()
	c.handled = true
	c.mu.Unlock()
}

// SetReason makes the current response's status line carry phrase when
// its code is code, in place of the configured one. An empty phrase is
// sent as empty ("HTTP/1.1 200 "), which RFC 9112 §4 allows.
func (c *Conn) SetReason(code int, phrase string) {
	c.mu.Lock()
	if c.reasons == nil {
		c.reasons = make(map[int]string, 1)
	}
	c.reasons[code] = phrase
	c.mu.Unlock()
}

func (c *Conn) connState(st http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch st {
	case http.StateIdle:
		if c.state == stateBody {
			c.state = stateHead
		}
		c.handled = false
		clear(c.reasons)
	case http.StateHijacked:
		// net/http has flushed its head; what the handler writes now is
		// its own protocol.
		c.state = stateRaw
	}
}

// Read reads from the connection, keeping track of the line being read.
func (c *Conn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.readMu.Lock()
		got := p[:n]
		if i := bytes.LastIndexByte(got, '\n'); i >= 0 {
			c.lineLen, c.lineN = 0, 0
			got = got[i+1:]
		}
		c.lineLen += len(got)
		c.lineN += copy(c.lineStart[c.lineN:], got)
		c.readMu.Unlock()
	}
	return n, err
}

// readingRequestLine reports whether the line being read when net/http
// gave up looks like a request line (a method token and a space) rather
// than a header field (a name and a colon).
func (c *Conn) readingRequestLine() bool {
	c.readMu.Lock()
	defer c.readMu.Unlock()
	start := c.lineStart[:c.lineN]
	sp := bytes.IndexByte(start, ' ')
	if c.lineLen == 0 || sp <= 0 {
		return false
	}
	for _, b := range start[:sp] {
		if !isTokenChar(b) {
			return false
		}
	}
	return true
}

func isTokenChar(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return bytes.IndexByte([]byte("!#$%&'*+-.^_`|~"), b) >= 0
}

// Write passes p on, rewriting the heads in it. The lock is never held
// while writing to the network, so that Close can always interrupt a
// write that is stuck.
func (c *Conn) Write(p []byte) (int, error) {
	c.mu.Lock()
	switch c.state {
	case stateRefusal:
		if len(c.head) < maxHead {
			c.head = append(c.head, p[:min(len(p), maxHead-len(c.head))]...)
		}
		c.mu.Unlock()
		return len(p), nil
	case stateBody, stateRaw:
		c.mu.Unlock()
		return c.Conn.Write(p)
	}
	out := c.process(c.takeScratch(), p)
	c.mu.Unlock()
	var err error
	if len(out) > 0 {
		_, err = c.Conn.Write(out)
	}
	c.mu.Lock()
	if cap(out) <= maxScratch { // a rare large one is not kept
		c.scratch = out[:0]
	}
	c.scratchBusy = false
	c.mu.Unlock()
	if err != nil {
		return 0, err
	}
	return len(p), nil
}

// takeScratch lends the connection's output buffer, reused from one
// response to the next; a write that finds it lent gets a new one.
func (c *Conn) takeScratch() []byte {
	if c.scratchBusy {
		return nil
	}
	c.scratchBusy = true
	return c.scratch[:0]
}

// process takes the bytes of p that start at a head and returns what to
// send now: the rewritten heads that are complete and what follows them.
// A head not yet complete is held for the next write.
func (c *Conn) process(out, p []byte) []byte {
	for len(p) > 0 && c.state == stateHead {
		held := len(c.head)
		c.head = append(c.head, p...)
		from := max(held-3, 0)
		end := bytes.Index(c.head[from:], []byte("\r\n\r\n"))
		if end < 0 {
			if len(c.head) > maxHead {
				c.state = stateBody
				out = append(out, c.head...)
				c.head = c.head[:0]
			}
			return out
		}
		end += from + 4
		rest := p[end-held:]
		head := c.head[:end]
		c.head = c.head[:0]
		if code, ok := c.isRefusal(head); ok {
			c.state, c.refused = stateRefusal, code
			c.head = append(c.head, rest...)
			return out
		}
		var code int
		out, code = c.rewrite(out, head)
		switch {
		case code == http.StatusSwitchingProtocols:
			c.state = stateRaw
		case code >= 200 || code < 100:
			c.state = stateBody
		}
		p = rest
	}
	return append(out, p...)
}

// Close sends a refusal being held, then closes. A partial head still
// held is dropped, as the connection is going anyway.
func (c *Conn) Close() error {
	c.sendRefusal()
	return c.Conn.Close()
}

// CloseWrite half-closes the connection, as net/http does after a
// refusal so that the client reads it before the connection goes.
func (c *Conn) CloseWrite() error {
	c.sendRefusal()
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// SetLinger lets a handler reset the connection through the wrapper.
func (c *Conn) SetLinger(sec int) error {
	if l, ok := c.Conn.(interface{ SetLinger(int) error }); ok {
		return l.SetLinger(sec)
	}
	return nil
}

// refusalHeaders is how net/http's own refusals end their head (see
// net/http's conn.serve); the text follows, then the connection closes.
const refusalHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

// isRefusal reports whether head is one of net/http's own refusals (a
// head no handler began, in net/http's exact form), and its code.
func (c *Conn) isRefusal(head []byte) (int, bool) {
	if c.handled || c.cfg.Refusal == nil || !bytes.HasPrefix(head, []byte("HTTP/1.1 4")) || !bytes.HasSuffix(head, []byte(refusalHeaders)) {
		return 0, false
	}
	code, err := strconv.Atoi(string(head[9:12]))
	return code, err == nil
}

// sendRefusal renders a refusal being held as the configured error. net/
// http writes the text right after the head and then closes, so the text
// is complete when this runs.
func (c *Conn) sendRefusal() {
	c.mu.Lock()
	if c.state != stateRefusal {
		c.mu.Unlock()
		return
	}
	c.state = stateRaw
	text := string(c.head)
	c.head = c.head[:0]
	overlong := c.refused == http.StatusRequestHeaderFieldsTooLarge && c.readingRequestLine()
	code, ctype, body := c.cfg.Refusal(c.refused, text, overlong)
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 ")
	b.WriteString(strconv.Itoa(code))
	b.WriteByte(' ')
	p, ok := c.newPhrase(code)
	if !ok {
		p = http.StatusText(code)
	}
	b.WriteString(p)
	b.WriteString("\r\nContent-Type: ")
	b.WriteString(ctype)
	b.WriteString("\r\nContent-Length: ")
	b.WriteString(strconv.Itoa(len(body)))
	b.WriteString("\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n")
	b.Write(body)
	c.mu.Unlock()
	c.Conn.Write(b.Bytes())
}

// newPhrase is the phrase to send for code: one set for this response,
// else the configured one; false to keep the one written.
func (c *Conn) newPhrase(code int) (string, bool) {
	if p, ok := c.reasons[code]; ok {
		return p, true
	}
	if c.cfg.Phrase != nil {
		if p := c.cfg.Phrase(code); p != "" {
			return p, true
		}
	}
	return "", false
}

// rewrite appends head to out with the reason phrase and header names
// replaced, and returns its status code (0 when the status line does not
// parse, in which case the head is appended as it is).
func (c *Conn) rewrite(out, head []byte) ([]byte, int) {
	lineEnd := bytes.Index(head, []byte("\r\n"))
	line := head[:lineEnd]
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) || line[8] != ' ' || (len(line) > 12 && line[12] != ' ') {
		return append(out, head...), 0
	}
	code := 0
	for _, d := range line[9:12] {
		if d < '0' || d > '9' {
			return append(out, head...), 0
		}
		code = code*10 + int(d-'0')
	}
	out = append(out, line[:12]...)
	out = append(out, ' ')
	if p, ok := c.newPhrase(code); ok {
		out = append(out, p...)
	} else if len(line) > 13 {
		out = append(out, line[13:]...)
	}
	lengths := c.cfg.nameLengths()
	fields := head[lineEnd+2:]
	for len(fields) > 2 { // the final CRLF is what remains
		out = append(out, '\r', '\n')
		eol := bytes.IndexByte(fields, '\n')
		field := bytes.TrimSuffix(fields[:eol], []byte("\r"))
		fields = fields[eol+1:]
		if colon := bytes.IndexByte(field, ':'); colon > 0 && (colon >= 64 || lengths&(1<<colon) != 0) {
			if name, ok := c.cfg.Names[string(field[:colon])]; ok {
				out = append(out, name...)
				out = append(out, field[colon:]...)
				continue
			}
		}
		out = append(out, field...)
	}
	return append(out, "\r\n\r\n"...), code
}
