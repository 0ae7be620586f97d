package cli

// The text output of 'httpstatus check': for one URL the hop table,
// timing bars and meanings; for many one row per URL; the summary.

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/lint"
)

// textWriter prints aligned text: for one URL the hop table, timing bars
// and meanings; for many one row per URL; then the summary.
type textWriter struct {
	w      io.Writer
	t      terminal
	cfg    checkConfig
	single bool
	rows   int // results written
}

func (tw *textWriter) result(r *checkResult) error {
	var b strings.Builder
	switch {
	case tw.single:
		tw.writeSingle(&b, r)
	case tw.cfg.command == "lint":
		if tw.rows == 0 {
			b.WriteString(tw.lintHeader())
		}
		b.WriteString(tw.lintRow(r))
	default:
		b.WriteString(tw.row(r))
	}
	tw.rows++
	_, err := io.WriteString(tw.w, b.String())
	return err
}

func (tw *textWriter) end(s *checkSummary) error {
	if tw.single {
		return nil
	}
	var b bytes.Buffer
	b.WriteByte('\n')
	s.writeText(&b, tw.t)
	_, err := tw.w.Write(b.Bytes())
	return err
}

// phraseWidth is the width of the phrase column of bulk rows: the
// common phrases fit, the longest ones are cut with "…".
const phraseWidth = 24

// mark is a bulk row's ✓ or ✗.
func (tw *textWriter) mark(r *checkResult) string {
	if !r.ok {
		return tw.t.style("✗", "\x1b[31m")
	}
	return tw.t.style("✓", "\x1b[32m")
}

// rowEnd ends a bulk row: where the redirects led, the notes, what went
// wrong, and the newline.
func (tw *textWriter) rowEnd(r *checkResult, line *strings.Builder) string {
	if f := r.finalURL(); r.chain.Redirects > 0 && f != r.url.String() {
		line.WriteString(" → " + f)
	}
	for _, n := range r.notes(tw.cfg) {
		line.WriteString("  " + tw.t.dim("("+n+")"))
	}
	if e := r.errorText(); e != "" {
		line.WriteString("  " + e)
	}
	line.WriteByte('\n')
	return line.String()
}

// row is one URL's line in bulk output: a mark, the status and phrase,
// the time, the redirects, the URL and what went wrong.
func (tw *textWriter) row(r *checkResult) string {
	t, mark := tw.t, tw.mark(r)
	if r.url == nil {
		return fmt.Sprintf("%s %s %s %11s %4s  %s: %s\n", mark, t.style("---", ansiBold+"\x1b[31m"), padRight("not a URL", phraseWidth), "", "", r.where, r.err)
	}
	st := r.status()
	redirects := ""
	if n := r.chain.Redirects; n > 0 {
		redirects = "↪" + strconv.Itoa(n)
	}
	var line strings.Builder
	fmt.Fprintf(&line, "%s %s %s %11s %s  %s", mark, t.status(st, statusText(st)), padRight(truncate(phraseOf(st), phraseWidth), phraseWidth),
		showMS(r.timeMS), padRight(redirects, 4), r.url.String())
	return tw.rowEnd(r, &line)
}

// notes are the short remarks on a result: an assumed scheme, the HEAD
// fallback, retries, an unmet expectation, what was not waited for.
func (r *checkResult) notes(cfg checkConfig) []string {
	var out []string
	if r.assumed != "" {
		out = append(out, r.assumed+":// assumed")
	}
	if r.headFallback != 0 {
		out = append(out, fmt.Sprintf("HEAD got %d, then GET", r.headFallback))
	}
	if n := len(r.retries); n > 0 {
		reasons := make([]string, n)
		for i, rt := range r.retries {
			reasons[i] = rt.Reason
		}
		out = append(out, fmt.Sprintf("%s: %s", plural(n, "retry", "retries"), strings.Join(reasons, ", ")))
	}
	if !r.ok && r.chain.Error == "" && cfg.command != "lint" {
		out = append(out, "expected "+cfg.expect.String())
	}
	if r.ignored > 0 {
		out = append(out, plural(r.ignored, "finding", "findings")+" ignored")
	}
	if r.note != "" {
		out = append(out, r.note)
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// padRight pads s with spaces to n runes.
func padRight(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

func padLeft(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return strings.Repeat(" ", n-k) + s
	}
	return s
}

// writeSingle lays out one URL's check: the hop table, the notes, a
// timing bar per hop, the headers with -v, the meaning of every code and
// the verdict.
func (tw *textWriter) writeSingle(b *strings.Builder, r *checkResult) {
	t := tw.t
	if r.assumed != "" {
		b.WriteString(wrap(fmt.Sprintf("No scheme given: checking %s (http:// for localhost and loopback addresses, https:// otherwise).", r.url), t.width, "", ""))
		b.WriteByte('\n')
	}
	tw.hopTable(b, r)
	var notes []string
	if r.headFallback != 0 {
		notes = append(notes, fmt.Sprintf("HEAD was answered %d %s: checked again with GET.", r.headFallback, phraseOf(r.headFallback)))
	}
	for i, rt := range r.retries {
		notes = append(notes, fmt.Sprintf("Attempt %d got %s: retried after %s.", i+1, rt.Reason, showMS(rt.WaitMS)))
	}
	if r.note != "" {
		notes = append(notes, strings.ToUpper(r.note[:1])+r.note[1:]+".")
	}
	if f := r.chain.Final(); r.chain.Error != "" && f != nil && f.Error == "" {
		// A loop or too many redirects; an exchange's own error is in its row.
		notes = append(notes, strings.ToUpper(r.chain.Error[:1])+r.chain.Error[1:]+".")
	}
	if p := r.protocol(); strings.HasPrefix(p, "HTTP/2") || tw.cfg.http2 {
		notes = append(notes, "Sent with --http2 through Go's HTTP transport: header fields as it parsed them (names canonicalised, sorted); raw bytes are not available.")
	}
	notes = append(notes, r.lintNotes(tw.cfg)...)
	if len(notes) > 0 {
		b.WriteByte('\n')
		for _, n := range notes {
			b.WriteString(wrap(n, t.width, "", "  "))
		}
	}
	b.WriteString("\n" + t.bold("Timings") + "\n")
	for i := range r.chain.Exchanges {
		tw.timingBar(b, i+1, &r.chain.Exchanges[i])
	}
	tw.headers(b, r)
	b.WriteString("\n" + t.bold("What the codes mean") + "\n")
	for _, code := range chainCodes(r) {
		text := fmt.Sprintf("%s %s: %s ('httpstatus %s' for more)", statusText(code), phraseOf(code), meaningOf(code), statusText(code))
		b.WriteString(wrap(text, t.width, "  ", "      "))
	}
	tw.writeFindings(b, r)
	b.WriteByte('\n')
	if tw.cfg.command == "lint" {
		b.WriteString(tw.lintVerdict(r))
		return
	}
	st := r.status()
	verdict := fmt.Sprintf("%s %s", statusText(st), phraseOf(st))
	if n := r.chain.Redirects; n > 0 {
		verdict += " after " + plural(n, "redirect", "redirects")
	}
	verdict += " in " + showMS(r.timeMS)
	if r.ok {
		b.WriteString(t.style("✓ ", "\x1b[32m") + t.status(st, verdict) + ": expected " + tw.cfg.expect.String() + "\n")
	} else {
		b.WriteString(t.style("✗ ", "\x1b[31m") + t.status(st, verdict) + ": expected " + tw.cfg.expect.String() + "\n")
	}
}

// chainCodes are the distinct codes of a check, in the order they came:
// interim ones included, 0 when an exchange got no answer.
func chainCodes(r *checkResult) []int {
	var codes []int
	add := func(c int) {
		if !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	for _, ex := range r.chain.Exchanges {
		for _, in := range ex.Interim {
			add(in.Status)
		}
		if ex.Response != nil {
			add(ex.Response.Status)
		} else {
			add(0)
		}
	}
	return codes
}

// hopTable is the table of requests: number, method, URL, status,
// Location, time and what a reader should notice.
func (tw *textWriter) hopTable(b *strings.Builder, r *checkResult) {
	t := tw.t
	rows := [][]string{{"#", "METHOD", "URL", "STATUS", "LOCATION", "TIME"}}
	codes := []int{-1}
	var flags []string
	for i, ex := range r.chain.Exchanges {
		st := 0
		if ex.Response != nil {
			st = ex.Response.Status
		}
		status := statusText(st) + " " + phraseOf(st)
		for _, in := range ex.Interim {
			status = statusText(in.Status) + " → " + status
		}
		loc := ""
		if ex.Redirect != nil {
			loc = ex.Redirect.Location
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), ex.Request.Method, ex.URL, status, loc, showMS(ex.TotalMS)})
		codes = append(codes, st)
		flags = append(flags, hopFlags(&ex))
	}
	width := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for n, row := range rows {
		var line strings.Builder
		for i, c := range row {
			cell := padRight(c, width[i])
			switch {
			case i == 0 || i == 5:
				cell = padLeft(c, width[i])
			case i == 3 && n > 0:
				cell = t.status(codes[n], cell)
			}
			if n == 0 {
				cell = t.dim(cell)
			}
			line.WriteString("  " + cell)
		}
		if n > 0 && flags[n-1] != "" {
			line.WriteString("  " + t.style(flags[n-1], "\x1b[33m"))
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

// hopFlags are what the table says about a hop beyond its columns.
func hopFlags(ex *exchange.Exchange) string {
	var f []string
	if h := ex.Redirect; h != nil {
		if h.Downgrade {
			f = append(f, "https→http downgrade")
		}
		if h.CrossHost {
			f = append(f, "to another host")
		}
		switch {
		case h.Loop:
			f = append(f, "loop")
		case !h.Followed && h.Reason != "":
			f = append(f, "not followed: "+h.Reason)
		}
	}
	if ex.Error != "" {
		f = append(f, ex.Error)
	}
	if ex.Reused {
		f = append(f, "reused connection")
	}
	return strings.Join(f, "; ")
}

// timingBar draws one hop's phases in the manner of httpstat: a row of
// names over a bracketed row of times, each in its own cell.
func (tw *textWriter) timingBar(b *strings.Builder, n int, ex *exchange.Exchange) {
	t := tw.t
	st := "no answer"
	if ex.Response != nil {
		st = statusText(ex.Response.Status)
	}
	head := fmt.Sprintf("%d  %s %s → %s", n, ex.Request.Method, ex.URL, st)
	b.WriteString(wrap(head, t.width, "  ", "     "))
	values := [5]string{}
	cell := 13
	for i, v := range ex.Phases() {
		values[i] = "-"
		if v >= 0 {
			values[i] = showMS(v)
		}
		cell = max(cell, utf8.RuneCountInString(values[i])+2)
	}
	var names, times strings.Builder
	names.WriteString("     ")
	times.WriteString("    [")
	for i := range values {
		if i > 0 {
			names.WriteString(" ")
			times.WriteString("|")
		}
		names.WriteString(center(exchange.PhaseNames[i], cell))
		times.WriteString(t.style(center(values[i], cell), "\x1b[36m"))
	}
	times.WriteString("]  total " + showMS(ex.TotalMS))
	b.WriteString(t.dim(strings.TrimRight(names.String(), " ")) + "\n" + times.String() + "\n")
	var conn []string
	if ex.Reused {
		conn = append(conn, "reused connection")
	} else if ex.Conn != nil {
		conn = append(conn, "new connection")
	}
	if ex.Conn != nil {
		if ex.Conn.Remote != "" {
			conn = append(conn, "to "+ex.Conn.Remote)
		}
		if ex.Conn.TLSVersion != "" {
			conn = append(conn, ex.Conn.TLSVersion+" "+ex.Conn.CipherSuite)
		}
		if ex.Conn.ALPN != "" {
			conn = append(conn, "ALPN "+ex.Conn.ALPN)
		}
	}
	if ex.Response != nil && ex.Response.Proto != "" {
		conn = append(conn, ex.Response.Proto)
	}
	if len(conn) > 0 {
		b.WriteString(t.dim(wrap(strings.Join(conn, ", "), t.width, "     ", "     ")))
	}
}

// center puts s in the middle of n columns.
func center(s string, n int) string {
	k := utf8.RuneCountInString(s)
	if k >= n {
		return s
	}
	left := (n - k) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", n-k-left)
}

// headers prints the final response's header fields with -v, and every
// hop's request and response heads with -vv.
func (tw *textWriter) headers(b *strings.Builder, r *checkResult) {
	t := tw.t
	exs := r.chain.Exchanges
	switch {
	case tw.cfg.verbose == 0 || len(exs) == 0:
		return
	case tw.cfg.verbose == 1:
		exs = exs[len(exs)-1:]
	}
	for i, ex := range exs {
		n := len(r.chain.Exchanges) - len(exs) + i + 1
		if tw.cfg.verbose >= 2 {
			b.WriteString("\n" + t.bold(fmt.Sprintf("Request %d", n)) + "\n")
			writeHead(b, t, ex.Request.Raw, ex.Request.Method+" "+ex.Request.Target, ex.Request.Headers)
			if body := ex.Request.Body; body != "" {
				b.WriteString(t.dim(fmt.Sprintf("  (a body of %d bytes: %s)", len(body), quoteClip(body))) + "\n")
			}
			for _, in := range ex.Interim {
				b.WriteString("\n" + t.bold(fmt.Sprintf("Interim response %d", n)) + "\n")
				writeHead(b, t, in.Raw, in.StatusLine, in.Headers)
			}
		}
		if ex.Response == nil {
			continue
		}
		b.WriteString("\n" + t.bold(fmt.Sprintf("Response %d", n)) + "\n")
		writeHead(b, t, ex.Response.Raw, ex.Response.StatusLine, ex.Response.Headers)
		if body := ex.Response.Body; body != "" && tw.cfg.verbose >= 2 {
			note := fmt.Sprintf("  (body: %d bytes", ex.Response.BodyBytes)
			if ex.Response.BodyTruncated {
				note += fmt.Sprintf(", the first %d shown (--max-body)", len(body))
			}
			if ex.Response.BodyBase64 {
				note += ", base64: not UTF-8 text"
			}
			b.WriteString(t.dim(note+")") + "\n" + indentLines(body, "  ") + "\n")
		}
	}
}

// indentLines prefixes every line of s, so that a body stands apart from
// the heads around it, with what a terminal must not see escaped (a
// server's body could otherwise move the cursor or retitle the window).
func indentLines(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n"), "\n")
	for i, line := range lines {
		lines[i] = prefix + escapeUnprintable(line)
	}
	return strings.Join(lines, "\n")
}

// escapeUnprintable writes every rune a terminal would act on (controls,
// invalid UTF-8) as its Go escape, and leaves the rest as it is.
func escapeUnprintable(line string) string {
	if strings.IndexFunc(line, func(r rune) bool { return r != '\t' && !strconv.IsPrint(r) }) < 0 && utf8.ValidString(line) {
		return line
	}
	var b strings.Builder
	for i, r := range line {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(line[i:], "\uFFFD"):
			fmt.Fprintf(&b, "\\x%02x", line[i])
		case r == '\t' || strconv.IsPrint(r):
			b.WriteRune(r)
		default:
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		}
	}
	return b.String()
}

// writeHead prints a message head: as it went over the wire when raw is
// known, else from its first line and fields.
func writeHead(b *strings.Builder, t terminal, raw, first string, fields []exchange.Field) {
	lines := strings.Split(strings.TrimRight(strings.ReplaceAll(raw, "\r\n", "\n"), "\n"), "\n")
	if raw == "" {
		lines = []string{first}
		for _, f := range fields {
			lines = append(lines, f.Name+": "+f.Value)
		}
	}
	for i, line := range lines {
		line = escapeUnprintable(line) // what a terminal must not see; quotes and backslashes stay as sent
		if i == 0 {
			b.WriteString("  " + line + "\n")
			continue
		}
		name, value, _ := strings.Cut(line, ":")
		b.WriteString("  " + t.style(name+":", "\x1b[36m") + value + "\n")
	}
}

// checkSummary counts what the results came to.
type checkSummary struct {
	start       time.Time
	elapsed     time.Duration
	expect      expectation
	command     string        // "check" or "lint"
	failOn      lint.Severity // lint's --fail-on
	severities  severityCounts
	rules       map[string]int // findings per rule
	ignored     int
	urls        int
	met, unmet  int
	classes     map[string]int // "2xx", "000" (no answer), "---" (not a URL)
	errors      int            // no answer, a broken body, a loop, too many redirects
	notURLs     int
	redirected  int
	rateLimited int
	retried     int
}

func newCheckSummary(cfg checkConfig) *checkSummary {
	return &checkSummary{start: time.Now(), expect: cfg.expect, command: cfg.command, failOn: cfg.failOn, classes: map[string]int{}, rules: map[string]int{}}
}

func (s *checkSummary) add(r *checkResult) {
	s.urls++
	if r.ok {
		s.met++
	} else {
		s.unmet++
	}
	switch st := r.status(); {
	case r.url == nil:
		s.notURLs++
		s.classes["---"]++
	default:
		s.classes[classKey(st)]++
		if r.chain.Error != "" {
			s.errors++
		}
	}
	if r.chain.Redirects > 0 {
		s.redirected++
	}
	if r.rateLimited {
		s.rateLimited++
	}
	if len(r.retries) > 0 {
		s.retried++
	}
	for _, f := range r.findings {
		if f.Severity >= lint.Info && f.Severity <= lint.Error {
			s.severities[f.Severity]++
		}
		s.rules[f.Rule]++
	}
	s.ignored += r.ignored
}

func classKey(status int) string {
	if status == 0 {
		return "000"
	}
	return strconv.Itoa(status/100) + "xx"
}

func (s *checkSummary) perSecond() float64 {
	if s.elapsed <= 0 {
		return 0
	}
	return float64(s.urls) / s.elapsed.Seconds()
}

// writeText prints the summary for people.
func (s *checkSummary) writeText(w io.Writer, t terminal) {
	if s.command == "lint" {
		s.writeLintText(w, t)
		return
	}
	var b strings.Builder
	head := fmt.Sprintf("%s in %s (%.1f/s): %d met the expectation (%s)", plural(s.urls, "URL", "URLs"), showMS(exchange.Milliseconds(s.elapsed)), s.perSecond(), s.met, s.expect)
	if s.unmet > 0 {
		head += fmt.Sprintf(", %s", t.style(fmt.Sprintf("%d did not", s.unmet), ansiBold+"\x1b[31m"))
	}
	b.WriteString(head + "\n")
	if classes := s.classLine(); classes != "" {
		b.WriteString("  " + classes + "\n")
	}
	b.WriteString(fmt.Sprintf("  errors %d · redirected %d · rate-limited %d · retried %d\n", s.errors, s.redirected, s.rateLimited, s.retried))
	io.WriteString(w, b.String())
}

// classLine counts the final statuses by class: "2xx 2 · 4xx 1".
func (s *checkSummary) classLine() string {
	// The usual classes in their order, then any other (6xx-9xx, from
	// servers outside the range) in order too.
	order := []string{"1xx", "2xx", "3xx", "4xx", "5xx", "000", "---"}
	for _, k := range slices.Sorted(maps.Keys(s.classes)) {
		if !slices.Contains(order, k) {
			order = append(order, k)
		}
	}
	var classes []string
	for _, k := range order {
		if n := s.classes[k]; n > 0 {
			name := k
			switch k {
			case "000":
				name = "000 (no answer)"
			case "---":
				name = "not URLs"
			}
			classes = append(classes, fmt.Sprintf("%s %d", name, n))
		}
	}
	return strings.Join(classes, " · ")
}
