package cli

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/lint"
)

// The scheduler of 'httpstatus check'.
//
// One goroutine reads the input and hands out targets; cfg.concurrency
// workers check them through one shared transport (the engine's Client is
// safe for concurrent use: its connection pool is mutex-guarded); the
// caller's goroutine prints. Memory stays bounded however long the input
// is: the input is read a line at a time, and a target is handed out only
// after taking a token from a window of 4×concurrency tokens, which the
// printer gives back once it has printed the result. So at most that many
// results are ever held, whether running, waiting for an earlier one to
// be printed (input order), or being printed.
//
// Per host (scheme, host and port) at most cfg.perHost requests run at
// once, counted over redirect hops too: a check holds one host's slot at
// a time and moves it when a redirect goes to another host. A 429 or 503
// with a Retry-After makes the whole host wait: no check starts a request
// to it before then.

// transport performs a request and the redirects after it. The engine's
// Client is one; exchange.HTTP2Client (--http2) is the other.
type transport interface {
	Follow(ctx context.Context, req exchange.Request, p exchange.Policy) exchange.Chain
	CloseIdle()
}

// checkResult is what one target came to.
type checkResult struct {
	target
	chain        exchange.Chain // the last attempt
	ok           bool           // the expectation was met
	headFallback int            // 405 or 501: HEAD was answered so, and GET sent instead
	retries      []retryNote
	rateLimited  bool   // a 429, or a 503 with Retry-After, came back at some point
	note         string // what the check chose not to do, and why
	timeMS       float64
	elapsedMS    float64 // waits and retries included

	// findings are the lint findings of the chain, by hop (an index of
	// chain.Exchanges), worst first, without those --ignore drops.
	findings []lint.Finding
	ignored  int // findings --ignore dropped
	active   int // requests lint.CheckActive sent; 0 when it did not run
}

// retryNote is an attempt that was retried: what it got and how long
// the check waited before the next one.
type retryNote struct {
	Status int     `json:"status"`
	Reason string  `json:"reason"`
	WaitMS float64 `json:"wait_ms"`
}

// status is the final status, 0 when none arrived.
func (r *checkResult) status() int { return r.chain.Status }

// errorText is why the check did not end normally: the input was not a
// URL, no answer came, the body broke off, a loop, too many redirects.
func (r *checkResult) errorText() string {
	if r.err != "" {
		return r.err
	}
	return r.chain.Error
}

// finalURL is the URL of the last request.
func (r *checkResult) finalURL() string {
	if f := r.chain.Final(); f != nil {
		return f.URL
	}
	return ""
}

// protocol is the final response's protocol, "HTTP/1.1" or "HTTP/2.0".
func (r *checkResult) protocol() string {
	if f := r.chain.Final(); f != nil && f.Response != nil {
		return f.Response.Proto
	}
	return ""
}

// lintBody is how much of every body the engine keeps for the lint
// rules (a stack trace, a soft error, a page to compare); slim cuts the
// final body back to --max-body once the chain is linted and drops the
// others.
const lintBody = exchange.DefaultShowBody

// showBody is how much of each body the engine keeps: --max-body, or
// what the lint rules read if more, and at least one byte (the engine
// has no "keep none"; slim drops it).
func (cfg *checkConfig) showBody() int64 {
	if cfg.lintChains {
		return max(cfg.maxBody, lintBody)
	}
	return max(cfg.maxBody, 1)
}

type checker struct {
	cfg    checkConfig
	client transport
	hosts  *hostLimits
}

func newChecker(cfg checkConfig) *checker {
	if cfg.http2 {
		return &checker{cfg: cfg, client: exchange.NewHTTP2Client(cfg.insecure, cfg.perHost, cfg.userAgent, cfg.showBody()), hosts: &hostLimits{perHost: cfg.perHost}}
	}
	client := &exchange.Client{
		Dialer:    &exchange.NetDialer{Insecure: cfg.insecure},
		UserAgent: cfg.userAgent,
		KeepAlive: true, MaxIdlePerHost: cfg.perHost,
		// A list of many hosts must not keep a socket per host to the end.
		MaxIdle:  max(64, 2*cfg.concurrency+2*cfg.perHost),
		ShowBody: cfg.showBody(),
	}
	return &checker{cfg: cfg, client: client, hosts: &hostLimits{perHost: cfg.perHost}}
}

// run checks every target of src and hands each result to emit, in input
// order unless cfg.ordered is false. total is called once the input has
// been read to its end, with the number of targets.
func (c *checker) run(ctx context.Context, src *inputSource, emit func(*checkResult), total func(int), tick <-chan time.Time, onTick func()) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer c.client.CloseIdle()
	window := make(chan struct{}, 4*c.cfg.concurrency)
	jobs := make(chan target)
	results := make(chan *checkResult)
	ended := make(chan int, 1)
	go func() {
		defer close(jobs)
		n := src.each(func(t target) bool {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- t:
				return true
			case <-ctx.Done():
				return false
			}
		})
		ended <- n
	}()
	var wg sync.WaitGroup
	for range c.cfg.concurrency {
		wg.Go(func() {
			for {
				select {
				case t, ok := <-jobs:
					if !ok {
						return
					}
					r := c.check(ctx, t)
					results <- &r
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]*checkResult{} // results waiting for an earlier one
	next := 1
	for {
		select {
		case r, ok := <-results:
			if !ok {
				// Only after an interruption can results be missing:
				// print what came, in order.
				for len(pending) > 0 {
					if p, ok := pending[next]; ok {
						emit(p)
						delete(pending, next)
					}
					next++
				}
				return
			}
			if !c.cfg.ordered {
				emit(r)
				<-window
				continue
			}
			pending[r.index] = r
			for p, ok := pending[next]; ok; p, ok = pending[next] {
				emit(p)
				delete(pending, next)
				next++
				<-window
			}
		case n := <-ended:
			total(n)
		case <-tick:
			onTick()
		}
	}
}

// each reads the targets in order and calls yield with each until it
// returns false; it returns how many it read.
func (src *inputSource) each(yield func(target) bool) int {
	n := 0
	give := func(t target) bool {
		n++
		t.index = n
		return yield(t)
	}
	for _, a := range src.args {
		if a.input == "-" && a.url == nil {
			if !readTargets(src.stdin, "standard input", give) {
				return n
			}
			continue
		}
		if !give(a) {
			return n
		}
	}
	if src.file != nil {
		readTargets(src.file, src.fname, give)
	}
	return n
}

// readTargets reads URLs from r, one per line, and calls give with each
// (and with each line that is not a URL, as a target with an error). It
// returns false when give did.
func readTargets(r io.Reader, name string, give func(target) bool) bool {
	lr := newLineReader(r)
	for {
		line, tooLong, err := lr.next()
		if err == io.EOF {
			return true
		}
		where := fmt.Sprintf("line %d of %s", lr.n+1, name)
		if err != nil {
			give(target{where: where, err: "reading " + name + ": " + err.Error()})
			return false
		}
		where = fmt.Sprintf("line %d of %s", lr.n, name)
		if skipLine(line) && !tooLong {
			continue
		}
		t := target{input: strings.TrimSpace(line), where: where}
		if tooLong {
			t.err = fmt.Sprintf("not a URL: the line is longer than %d bytes", maxLineBytes)
		} else if u, assumed, err := parseTarget(line); err != nil {
			t.err = err.Error()
		} else {
			t.url, t.assumed = u, assumed
		}
		if !give(t) {
			return false
		}
	}
}

// countTargets counts the URL lines of r (for the progress bar's total).
func countTargets(r io.Reader) int {
	lr := newLineReader(r)
	n := 0
	for {
		line, tooLong, err := lr.next()
		if err != nil {
			return n
		}
		if tooLong || !skipLine(line) {
			n++
		}
	}
}

// retryStatuses are the final statuses worth another attempt.
var retryStatuses = map[int]bool{408: true, 429: true, 502: true, 503: true, 504: true}

// retryFailures are the network failures worth another attempt; a TLS
// or protocol failure will fail the same way again.
var retryFailures = map[string]bool{
	exchange.FailDNS: true, exchange.FailRefused: true, exchange.FailReset: true,
	exchange.FailTimeout: true, exchange.FailClosed: true, exchange.FailConnect: true,
}

// check performs one target: the request, its redirects, the HEAD
// fallback and the retries.
func (c *checker) check(ctx context.Context, t target) checkResult {
	r := checkResult{target: t}
	if t.err != "" {
		return r
	}
	start := time.Now()
	hold := &hostHold{limits: c.hosts}
	defer hold.release()
	req := exchange.Request{Method: c.cfg.method, URL: t.url, Header: c.cfg.header, Body: c.cfg.body}
	policy := c.cfg.policy
	policy.Allow = func(_, to *url.URL) string {
		if err := hold.moveTo(ctx, hostKey(to)); err != nil {
			return "interrupted"
		}
		return ""
	}
	for attempt := 0; ; attempt++ {
		if err := hold.moveTo(ctx, hostKey(t.url)); err != nil {
			r.chain = exchange.Chain{Exchanges: []exchange.Exchange{}, Error: "interrupted before the request was sent", Failure: exchange.FailCancelled}
			break
		}
		r.chain = c.client.Follow(ctx, req, policy) // the engine redials a kept-alive connection the server closed
		if ctx.Err() != nil {
			r.note = "interrupted"
			break
		}
		if req.Method == http.MethodHead && c.cfg.head && r.headFallback == 0 && (r.chain.Status == 405 || r.chain.Status == 501) {
			r.headFallback = r.chain.Status
			req.Method = http.MethodGet
			attempt--
			continue
		}
		why := retryReason(&r.chain)
		if why == "" {
			break
		}
		wait, hostWide, note := c.retryWait(&r.chain, attempt)
		r.rateLimited = r.rateLimited || rateLimited(&r.chain)
		if hostWide {
			c.hosts.backOff(hostKey(mustParse(r.finalURL(), t.url)), wait)
		}
		switch {
		case note != "":
			r.note = note
		case attempt >= c.cfg.retries:
		case !exchange.Idempotent(c.cfg.method):
			r.note = fmt.Sprintf("not retried: %s is not idempotent", c.cfg.method)
		default:
			r.retries = append(r.retries, retryNote{Status: r.chain.Status, Reason: why, WaitMS: exchange.Milliseconds(wait)})
			hold.release() // others may use the host meanwhile; the next attempt takes a slot again
			if sleep(ctx, wait) == nil {
				continue
			}
		}
		break
	}
	c.lint(ctx, &r)
	slim(&r.chain, c.cfg.verbose, c.cfg.maxBody)
	status := r.chain.Status
	r.ok = ctx.Err() == nil && (status == 0 && c.cfg.expect.met(0) || status != 0 && r.chain.Error == "" && c.cfg.expect.met(status)) // an interrupted check meets nothing
	if c.cfg.command == "lint" {
		// lint has no --expect: a URL passes when it answered, its chain
		// ended normally and no finding reaches --fail-on.
		r.ok = ctx.Err() == nil && status != 0 && r.chain.Error == "" && lint.Worst(r.findings) < c.cfg.failOn
	}
	for _, ex := range r.chain.Exchanges {
		r.timeMS += ex.TotalMS
	}
	r.elapsedMS = exchange.Milliseconds(time.Since(start))
	return r
}

// slim drops what no output shows, so that the results waiting to be
// printed stay small: every response body but the final one (and that
// one too with --max-body 0), the final one beyond --max-body, the raw
// heads and the request body unless -vv shows them.
func slim(ch *exchange.Chain, verbose int, maxBody int64) {
	for i := range ch.Exchanges {
		ex := &ch.Exchanges[i]
		if verbose < 2 {
			ex.Request.Raw, ex.Request.Body = "", ""
		}
		if ex.Response != nil {
			if maxBody <= 0 || i < len(ch.Exchanges)-1 {
				ex.Response.Body, ex.Response.BodyBase64 = "", false // only the final body is reported
			} else {
				cutBody(ex.Response, maxBody)
			}
			if verbose < 2 {
				ex.Response.Raw = ""
			}
		}
	}
}

// cutBody cuts the body kept to its first n bytes, as the engine would
// have kept them with ShowBody n: text when they are UTF-8, else base64,
// and BodyTruncated when the body was longer.
func cutBody(r *exchange.Response, n int64) {
	kept := []byte(r.Body)
	if r.BodyBase64 {
		b, err := base64.StdEncoding.DecodeString(r.Body)
		if err != nil {
			return
		}
		kept = b
	}
	if int64(len(kept)) <= n {
		return
	}
	kept = kept[:n]
	r.BodyTruncated = true
	if utf8.Valid(kept) {
		r.Body, r.BodyBase64 = string(kept), false
	} else {
		r.Body, r.BodyBase64 = base64.StdEncoding.EncodeToString(kept), true
	}
}

func mustParse(s string, fallback *url.URL) *url.URL {
	if u, err := url.Parse(s); err == nil {
		return u
	}
	return fallback
}

// rateLimited reports a 429, or a 503 with a Retry-After.
func rateLimited(ch *exchange.Chain) bool {
	f := ch.Final()
	return ch.Status == 429 || ch.Status == 503 && f != nil && f.Response != nil && f.Response.Get("Retry-After") != ""
}

// retryReason says why a chain is worth another attempt, or "" when it
// is not: a network failure, or a final 408, 429, 502, 503 or 504.
func retryReason(ch *exchange.Chain) string {
	if ch.Failure != "" {
		if retryFailures[ch.Failure] {
			return ch.Failure
		}
		return ""
	}
	if ch.Error == "" && retryStatuses[ch.Status] {
		return strconv.Itoa(ch.Status) + " " + httpstatus.Text(ch.Status)
	}
	return ""
}

// retryWait is how long to wait before the next attempt: what a 429's or
// 503's Retry-After asks for (hostWide: the whole host waits), else an
// exponential backoff from 250 ms, both at most --max-retry-wait. A
// Retry-After beyond that is not waited for; note says so.
func (c *checker) retryWait(ch *exchange.Chain, attempt int) (wait time.Duration, hostWide bool, note string) {
	backoff := min(250*time.Millisecond<<min(attempt, 20), c.cfg.maxRetryWait)
	final := ch.Final()
	if (ch.Status != 429 && ch.Status != 503) || final == nil || final.Response == nil {
		return backoff, false, ""
	}
	v := final.Response.Get("Retry-After")
	d, ok := parseRetryAfter(v, time.Now())
	switch {
	case !ok:
		return backoff, ch.Status == 429, ""
	case d > c.cfg.maxRetryWait:
		return 0, false, fmt.Sprintf("Retry-After: %s asks for a wait of %s, longer than --max-retry-wait %s: not waited for", clip(v), roughDuration(d), c.cfg.maxRetryWait)
	}
	return d, true, ""
}

// roughDuration shows a wait in whole seconds, or "more than a century"
// for one beyond any sense.
func roughDuration(d time.Duration) string {
	if d > 100*365*24*time.Hour {
		return "more than a century"
	}
	return d.Round(time.Second).String()
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// hostKey is the scheme, host and port of u: what --per-host counts and
// what a Retry-After holds back.
func hostKey(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return u.Scheme + "://" + strings.ToLower(u.Hostname()) + ":" + port
}

// hostLimits bounds the requests at once per host, and holds hosts back
// after a Retry-After.
type hostLimits struct {
	perHost int
	mu      sync.Mutex
	hosts   map[string]*hostState
	drops   int // releases since the last sweep
}

type hostState struct {
	slots chan struct{}
	refs  int       // checks holding or waiting for a slot
	until time.Time // no request starts before this
}

// acquire takes a slot of key's host, then waits out its Retry-After.
func (l *hostLimits) acquire(ctx context.Context, key string) (*hostState, error) {
	l.mu.Lock()
	h := l.state(key)
	h.refs++
	l.mu.Unlock()
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		l.drop(key, h)
		return nil, ctx.Err()
	}
	for {
		l.mu.Lock()
		wait := time.Until(h.until)
		l.mu.Unlock()
		if wait <= 0 {
			return h, nil
		}
		if err := sleep(ctx, wait); err != nil {
			l.release(key, h)
			return nil, err
		}
	}
}

// state is key's entry, made when missing; l.mu must be held.
func (l *hostLimits) state(key string) *hostState {
	if l.hosts == nil {
		l.hosts = make(map[string]*hostState)
	}
	h := l.hosts[key]
	if h == nil {
		h = &hostState{slots: make(chan struct{}, l.perHost)}
		l.hosts[key] = h
	}
	return h
}

func (l *hostLimits) release(key string, h *hostState) {
	<-h.slots
	l.drop(key, h)
}

// drop forgets a host nobody uses and nothing holds back. Hosts held
// back when their last user left are swept now and then.
func (l *hostLimits) drop(key string, h *hostState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	h.refs--
	now := time.Now()
	if h.refs == 0 && !now.Before(h.until) {
		delete(l.hosts, key)
	}
	if l.drops++; l.drops >= 1024 {
		l.drops = 0
		for k, s := range l.hosts {
			if s.refs == 0 && !now.Before(s.until) {
				delete(l.hosts, k)
			}
		}
	}
}

// backOff holds key's host back for d.
func (l *hostLimits) backOff(key string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	h := l.state(key)
	if until := time.Now().Add(d); until.After(h.until) {
		h.until = until
	}
}

// hostHold is the one host slot a check holds at a time.
type hostHold struct {
	limits *hostLimits
	key    string
	h      *hostState
}

// moveTo makes the hold be on key's host: a no-op when it already is,
// else the slot held is given back before the next is taken, so that a
// check never holds two (and no two checks can wait on each other).
func (h *hostHold) moveTo(ctx context.Context, key string) error {
	if h.h != nil && h.key == key {
		return nil
	}
	h.release()
	s, err := h.limits.acquire(ctx, key)
	if err != nil {
		return err
	}
	h.key, h.h = key, s
	return nil
}

func (h *hostHold) release() {
	if h.h != nil {
		h.limits.release(h.key, h.h)
		h.h = nil
	}
}
