package cli

// 'httpstatus lint' is 'httpstatus check' with the rules of package lint
// deciding: the same engine, scheduler, input and formats (check*.go),
// with findings under each hop, a row of counts per URL, and an exit
// status set by --fail-on. This file holds the command and its flags, the
// linting of a checked chain (passive rules for every check, active ones
// for lint), and what only lint prints: the rule table, the findings, the
// bulk rows, the summary and the CSV of findings.

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/lint"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func newLintCommand(e *env) *cobra.Command {
	o := &checkOptions{command: "lint"}
	cmd := &cobra.Command{
		Use:   "lint [flags] URL...",
		Short: "Lint what URLs answer: codes, headers, bodies and redirects against the specs",
		Long: "lint checks URLs as 'httpstatus check' does (the same requests, redirects, input,\n" +
			"bulk and request flags) and holds every response to the rules of the HTTP specs\n" +
			"and the catalogue: a status code that does not fit, a header the code needs and\n" +
			"lacks (a 401 without WWW-Authenticate, a 405 without Allow), content where none\n" +
			"may be, a 200 whose body says it failed, a leaked stack trace, a redirect chain\n" +
			"that loops, runs long or downgrades to http. 'httpstatus lint --rules' lists them.\n\n" +
			"With --active, lint also sends up to five requests of its own to the final URL\n" +
			"(when it was a GET or HEAD): HEAD against GET, revalidation with the ETag and\n" +
			"Last-Modified it gave, a Range request, and a random sibling URL for soft 404s.\n" +
			"--active is on by default for one URL given as an argument, off for a list\n" +
			"(-i FILE, standard input, several URLs); --active=false or --active says\n" +
			"otherwise. The requests go through the same connections and per-host limit.\n\n" +
			"The default method is GET: the body rules need the body.\n\n" +
			"Output: for one URL the hop table, timings and each hop's findings (severity,\n" +
			"rule, what is wrong, the spec section and the 'httpstatus CODE' to read), then\n" +
			"the total; for many one row per URL (status, the counts of errors, warnings and\n" +
			"info, the worst rule) and a summary. --json is one document whose results are\n" +
			"check's plus \"findings\" (rule, severity, message, hop, spec, code, link; hop is\n" +
			"the index in \"chain\", 0 for the first request) and whose summary counts\n" +
			"findings per severity and rule; --jsonl one result per line; --csv one row per\n" +
			"finding (index, url, hop, hop_url, status, rule, severity, message, spec), and\n" +
			"one with an empty rule for a URL that did not answer or is not a URL.\n\n" +
			"Exit codes: 0 every URL answered and no finding reached --fail-on (error by\n" +
			"default); 1 a finding did, or a URL did not answer, was not a URL, or its chain\n" +
			"broke off (a loop, too many redirects); 2 a usage error.",
		Example: "  httpstatus lint https://example.com\n" +
			"  httpstatus lint --rules\n" +
			"  httpstatus lint --fail-on warning --ignore no-validator,reason-custom https://api.example/health\n" +
			"  httpstatus lint -i urls.txt --csv > findings.csv\n" +
			"  httpstatus lint -i urls.txt --active --fail-on warning\n" +
			"  httpstatus lint --json -H 'Authorization: Bearer ...' https://api.example/items",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return lintError(runLint(cmd.Context(), e, o, cmd.Flags(), args))
		},
	}
	f := cmd.Flags()
	o.register(f, "lint")
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at or above this severity: info, warning or error")
	f.BoolVar(&o.active, "active", false, "also send requests of lint's own to the final URL: HEAD against GET, revalidation, Range, a random sibling URL (default: on for one URL, off for a list)")
	f.StringSliceVar(&o.ignore, "ignore", nil, "drop the findings of these rules (ids, comma-separated; repeatable)")
	f.BoolVar(&o.rules, "rules", false, "list every rule (id, severity, family, summary, spec) and exit; a JSON array with --json")
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"info", "warning", "error"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("ignore", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var ids []string
		for _, r := range lint.Rules() {
			ids = append(ids, r.ID+"\t"+r.Summary)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	cmd.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return lintError(usageErrorf("%s (see '%s --help')", err, cmd.CommandPath()))
	})
	return cmd
}

// lintError names the command in what Main prints: "httpstatus lint: ...".
func lintError(err error) error {
	if ee, ok := err.(*exitError); ok {
		ee.command = "lint"
	}
	return err
}

func runLint(ctx context.Context, e *env, o *checkOptions, flags *pflag.FlagSet, args []string) error {
	if o.rules {
		switch {
		case len(args) > 0 || o.input != "":
			return usageErrorf("--rules lists the rules and takes no URL")
		case o.jsonl || o.csv:
			return usageErrorf("--rules prints a table, or a JSON array with --json")
		}
		return writeRules(e, o.json)
	}
	return runCheck(ctx, e, o, flags, args)
}

// lintConfig checks lint's own flags.
func (o *checkOptions) lintConfig(c *checkConfig) error {
	sev, ok := lint.ParseSeverity(strings.TrimSpace(o.failOn))
	if !ok {
		return usageErrorf("--fail-on must be info, warning or error, not %s", quoteClip(o.failOn))
	}
	c.failOn = sev
	c.ignore = map[string]bool{}
	for _, item := range o.ignore {
		id := strings.ToLower(strings.TrimSpace(item))
		if id == "" {
			return usageErrorf("--ignore takes rule ids separated by commas; one is empty")
		}
		if _, ok := lint.RuleByID(id); !ok {
			return usageErrorf("--ignore %s: no such rule%s (see 'httpstatus lint --rules')", quoteClip(item), suggestRule(id))
		}
		c.ignore[id] = true
	}
	return nil
}

// suggestRule is "; did you mean X?" for the rule id nearest to id, or ""
// when none is near.
func suggestRule(id string) string {
	best, bestD := "", 4
	for _, r := range lint.Rules() {
		if d := editDistance(id, r.ID); d < bestD {
			best, bestD = r.ID, d
		}
	}
	if best == "" {
		return ""
	}
	return "; did you mean " + best + "?"
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// writeRules prints every rule: an aligned table, or a JSON array.
func writeRules(e *env, asJSON bool) error {
	rules := lint.Rules()
	if asJSON {
		return writeJSON(e.stdout, rules)
	}
	t := e.terminalFor(e.stdout)
	rows := [][]string{{"ID", "SEVERITY", "FAMILY", "SUMMARY", "SPEC"}}
	for _, r := range rules {
		rows = append(rows, []string{r.ID, r.Severity.String(), r.Family, r.Summary, r.Spec})
	}
	width := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for n, row := range rows {
		var line strings.Builder
		for i, c := range row {
			if i > 0 {
				line.WriteString("  ")
			}
			cell := padRight(c, width[i])
			switch {
			case n == 0:
				cell = t.dim(cell)
			case i == 1:
				sev, _ := lint.ParseSeverity(c)
				cell = severityStyle(t, sev, cell)
			}
			line.WriteString(cell)
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	var active []string
	for _, r := range rules {
		if r.Active {
			active = append(active, r.ID)
		}
	}
	b.WriteString("\n" + wrap(fmt.Sprintf("%d rules. These send requests of lint's own and run only with --active: %s.", len(rules), strings.Join(active, ", ")), min(t.width, findingWidth), "", ""))
	_, err := io.WriteString(e.stdout, b.String())
	return err
}

// severityStyle colours s (a severity's word, padded or not) by sev:
// errors red, warnings yellow, info cyan; only on a terminal.
func severityStyle(t terminal, sev lint.Severity, s string) string {
	switch sev {
	case lint.Error:
		return t.style(s, ansiBold+"\x1b[31m")
	case lint.Warning:
		return t.style(s, "\x1b[33m")
	case lint.Info:
		return t.style(s, "\x1b[36m")
	}
	return s
}

// lint runs the rules over a checked chain, before slim drops the bodies
// and raw heads they read: the passive rules (they send nothing) unless
// no output shows them, the active ones on the final exchange with
// --active. Findings of rules --ignore names are dropped and counted.
func (c *checker) lint(ctx context.Context, r *checkResult) {
	if !c.cfg.lintChains {
		return
	}
	var hops []lint.Exchange
	var at []int // the index in r.chain.Exchanges of each of hops
	for i := range r.chain.Exchanges {
		if lx, ok := r.chain.Exchanges[i].Lint(); ok {
			hops = append(hops, lx)
			at = append(at, i)
		}
	}
	if len(hops) == 0 {
		return
	}
	fs := lint.CheckChain(hops)
	for i := range fs {
		fs[i].Hop = at[min(max(fs[i].Hop, 0), len(at)-1)]
	}
	last := len(r.chain.Exchanges) - 1
	if final := r.chain.Final(); c.cfg.active && ctx.Err() == nil && at[len(at)-1] == last && final.Error == "" && !rateLimited(&r.chain) &&
		(final.Request.Method == http.MethodGet || final.Request.Method == http.MethodHead) {
		if d, ok := c.client.(exchange.Doer); ok {
			s := &countingSender{s: exchange.LintSender{Doer: timeoutDoer{d: d, timeout: c.cfg.policy.Timeout}}}
			fs = append(fs, lint.CheckActive(ctx, hops[len(hops)-1], last, s)...)
			r.active = int(s.n.Load())
		}
	}
	kept := fs[:0]
	for _, f := range fs {
		if c.cfg.ignore[f.Rule] {
			r.ignored++
			continue
		}
		kept = append(kept, f)
	}
	sortFindings(kept)
	r.findings = kept
}

// sortFindings orders findings as package lint does: by hop, worst
// first, then by rule.
func sortFindings(fs []lint.Finding) {
	slices.SortStableFunc(fs, func(a, b lint.Finding) int {
		return cmp.Or(cmp.Compare(a.Hop, b.Hop), cmp.Compare(b.Severity, a.Severity), strings.Compare(a.Rule, b.Rule))
	})
}

// timeoutDoer bounds each of lint's own requests by --timeout, as Follow
// bounds each hop.
type timeoutDoer struct {
	d       exchange.Doer
	timeout time.Duration
}

func (t timeoutDoer) Do(ctx context.Context, req exchange.Request) exchange.Exchange {
	if t.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.timeout)
		defer cancel()
	}
	return t.d.Do(ctx, req)
}

// countingSender counts the requests lint.CheckActive sends.
type countingSender struct {
	s lint.Sender
	n atomic.Int32
}

func (c *countingSender) Send(ctx context.Context, req lint.Request) (lint.Exchange, error) {
	c.n.Add(1)
	return c.s.Send(ctx, req)
}

// severityCounts counts findings by severity: [lint.Info], [lint.Warning]
// and [lint.Error] hold the counts.
type severityCounts [lint.Error + 1]int

func countSeverities(fs []lint.Finding) severityCounts {
	var n severityCounts
	for _, f := range fs {
		if f.Severity >= lint.Info && f.Severity <= lint.Error {
			n[f.Severity]++
		}
	}
	return n
}

// total is "3 findings: 1 error, 1 warning, 1 info", or "no findings".
func (n severityCounts) total() string {
	all := n[lint.Error] + n[lint.Warning] + n[lint.Info]
	if all == 0 {
		return "no findings"
	}
	return fmt.Sprintf("%s: %s, %s, %d info", plural(all, "finding", "findings"), plural(n[lint.Error], "error", "errors"), plural(n[lint.Warning], "warning", "warnings"), n[lint.Info])
}

// worstRule is the rule of the first of the most severe findings.
func worstRule(fs []lint.Finding) string {
	w := lint.Worst(fs)
	for _, f := range fs {
		if f.Severity == w {
			return f.Rule
		}
	}
	return ""
}

// findingWidth is the widest a finding's lines get, whatever the
// terminal: long messages read better in a column.
const findingWidth = 100

// writeFindings prints the findings of one URL under the hop each is
// about: the hop's request and status, then per finding the severity,
// rule and message, wrapped, and the spec section with the code to read
// about. Hops without findings are left out.
func (tw *textWriter) writeFindings(b *strings.Builder, r *checkResult) {
	if len(r.findings) == 0 {
		return
	}
	t := tw.t
	width := min(t.width, findingWidth)
	b.WriteString("\n" + t.bold("Findings") + "\n")
	hop := -1
	for _, f := range r.findings {
		if f.Hop != hop && f.Hop < len(r.chain.Exchanges) {
			hop = f.Hop
			ex := &r.chain.Exchanges[hop]
			st := "no answer"
			if ex.Response != nil {
				st = statusText(ex.Response.Status)
			}
			b.WriteString(wrap(fmt.Sprintf("%d  %s %s → %s", hop+1, ex.Request.Method, ex.URL, st), width, "  ", "     "))
		}
		sev := f.Severity.String()
		lines := wrap(f.Rule+": "+escapeUnprintable(f.Message), width, "     "+padRight(sev, 9), "              ")
		// Coloured after wrapping, so that the escapes take no width.
		b.WriteString("     " + severityStyle(t, f.Severity, sev) + lines[5+len(sev):])
		var ref []string
		if f.Spec != "" {
			ref = append(ref, f.Spec)
		}
		if f.Link != "" {
			ref = append(ref, "('httpstatus "+strings.TrimPrefix(f.Link, "/")+"' for more)")
		}
		// The spec's URL and the command stay whole, on one line if they fit.
		const indent = "              "
		if one := indent + strings.Join(ref, "  "); len(ref) > 0 && utf8.RuneCountInString(one) <= width {
			b.WriteString(t.dim(one) + "\n")
		} else {
			for _, s := range ref {
				b.WriteString(t.dim(indent+s) + "\n")
			}
		}
	}
}

// lintVerdict is the last line of lint's one-URL view: the total of the
// findings, marked ✓ or ✗ by --fail-on.
func (tw *textWriter) lintVerdict(r *checkResult) string {
	t := tw.t
	mark := t.style("✓ ", "\x1b[32m")
	if !r.ok {
		mark = t.style("✗ ", "\x1b[31m")
	}
	n := countSeverities(r.findings)
	line := n.total()
	switch {
	case r.status() == 0:
		line = "no answer, nothing to lint"
	case r.chain.Error != "":
		line += "; the chain broke off"
	}
	if r.ignored > 0 {
		line += fmt.Sprintf(" (%d ignored)", r.ignored)
	}
	if w := lint.Worst(r.findings); w >= tw.cfg.failOn {
		line += fmt.Sprintf(": at or above --fail-on %s", tw.cfg.failOn)
	}
	return mark + line + "\n"
}

// lintNotes are what lint's one-URL view says before the timings.
func (r *checkResult) lintNotes(cfg checkConfig) []string {
	if cfg.command != "lint" || r.active == 0 {
		return nil
	}
	return []string{fmt.Sprintf("--active: lint sent %s of its own to the final URL.", plural(r.active, "request", "requests"))}
}

// Widths of the columns of lint's bulk rows.
const (
	lintRuleWidth = 26
	lintStatusCol = 3 + 1 + phraseWidth
)

// lintHeader heads lint's bulk rows.
func (tw *textWriter) lintHeader() string {
	h := "  " + padRight("STATUS", lintStatusCol) + "  ERRORS  WARNINGS  INFO  " + padRight("WORST RULE", lintRuleWidth) + "  URL"
	return tw.t.dim(h) + "\n"
}

// lintRow is one URL's line in lint's bulk output: a mark, the status and
// phrase, the counts of errors, warnings and info, the worst rule, the
// URL and what went wrong.
func (tw *textWriter) lintRow(r *checkResult) string {
	t, mark := tw.t, tw.mark(r)
	if r.url == nil {
		return fmt.Sprintf("%s %s %s  %6s  %8s  %4s  %s  %s: %s\n", mark, t.style("---", ansiBold+"\x1b[31m"), padRight("not a URL", phraseWidth), "-", "-", "-", padRight("", lintRuleWidth), r.where, r.err)
	}
	st := r.status()
	counts := [3]string{"-", "-", "-"}
	if st != 0 {
		n := countSeverities(r.findings)
		for i, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
			counts[i] = strconv.Itoa(n[sev])
			if n[sev] > 0 {
				counts[i] = severityStyle(t, sev, counts[i])
			}
		}
	}
	var line strings.Builder
	fmt.Fprintf(&line, "%s %s %s  %s  %s  %s  %s  %s", mark, t.status(st, statusText(st)), padRight(truncate(phraseOf(st), phraseWidth), phraseWidth),
		padLeftStyled(counts[0], 6), padLeftStyled(counts[1], 8), padLeftStyled(counts[2], 4), padRight(worstRule(r.findings), lintRuleWidth), r.url.String())
	return tw.rowEnd(r, &line)
}

// padLeftStyled pads s, which may carry colour escapes, to n visible
// runes.
func padLeftStyled(s string, n int) string {
	visible := utf8.RuneCountInString(stripANSI(s))
	if visible < n {
		return strings.Repeat(" ", n-visible) + s
	}
	return s
}

// stripANSI drops the colour escapes severityStyle and terminal.style add.
func stripANSI(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], 'm')
		if j < 0 {
			return b.String()
		}
		s = s[i+j+1:]
	}
}

// writeLintText prints lint's summary for people: URLs that passed, the
// findings per severity, the rules found most, the classes.
func (s *checkSummary) writeLintText(w io.Writer, t terminal) {
	var b strings.Builder
	head := fmt.Sprintf("%s in %s (%.1f/s): %d passed (answered, nothing at or above %s)", plural(s.urls, "URL", "URLs"), showMS(exchange.Milliseconds(s.elapsed)), s.perSecond(), s.met, s.failOn)
	if s.unmet > 0 {
		head += ", " + t.style(fmt.Sprintf("%d did not", s.unmet), ansiBold+"\x1b[31m")
	}
	b.WriteString(head + "\n")
	line := "  " + s.severities.total()
	if s.ignored > 0 {
		line += fmt.Sprintf(" (%d ignored)", s.ignored)
	}
	b.WriteString(line + "\n")
	if top := s.topRules(5); len(top) > 0 {
		b.WriteString("  most found: " + strings.Join(top, " · ") + "\n")
	}
	if classes := s.classLine(); classes != "" {
		b.WriteString("  " + classes + "\n")
	}
	b.WriteString(fmt.Sprintf("  failed requests %d · redirected %d · rate-limited %d · retried %d\n", s.errors, s.redirected, s.rateLimited, s.retried))
	io.WriteString(w, b.String())
}

// topRules are the n rules found most, "no-validator 3", most first.
func (s *checkSummary) topRules(n int) []string {
	ids := slices.Collect(maps.Keys(s.rules))
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(s.rules[b], s.rules[a]), strings.Compare(a, b))
	})
	var out []string
	for _, id := range ids[:min(n, len(ids))] {
		out = append(out, id+" "+strconv.Itoa(s.rules[id]))
	}
	return out
}

// findingJSON is a finding in --json and --jsonl.
type findingJSON struct {
	Rule     string        `json:"rule"`
	Severity lint.Severity `json:"severity"`
	Message  string        `json:"message"`
	Hop      int           `json:"hop"` // the index in chain, 0 for the first (as package lint and the API)
	Spec     string        `json:"spec"`
	Code     int           `json:"code"`
	Link     string        `json:"link,omitempty"`
	Active   bool          `json:"active,omitempty"` // found by a request of lint's own
}

func findingsJSON(fs []lint.Finding) []findingJSON {
	out := make([]findingJSON, 0, len(fs))
	for _, f := range fs {
		rule, _ := lint.RuleByID(f.Rule)
		out = append(out, findingJSON{Rule: f.Rule, Severity: f.Severity, Message: f.Message, Hop: f.Hop, Spec: f.Spec, Code: f.Code, Link: f.Link, Active: rule.Active})
	}
	return out
}

// lintCSVHeader is the fixed first row of 'lint --csv'.
var lintCSVHeader = []string{"index", "url", "hop", "hop_url", "status", "rule", "severity", "message", "spec"}

// lintCSVWriter writes one row per finding, and one with an empty rule
// and the reason as message for a URL that did not answer or is not one.
type lintCSVWriter struct {
	w      *csv.Writer
	headed bool
}

func (cw *lintCSVWriter) result(r *checkResult) error {
	if err := cw.header(); err != nil {
		return err
	}
	index := strconv.Itoa(r.index)
	if r.url == nil {
		if err := cw.w.Write([]string{index, r.input, "", "", "", "", "", r.where + ": " + r.err, ""}); err != nil {
			return err
		}
	} else if e := r.errorText(); r.status() == 0 || e != "" && len(r.findings) == 0 {
		hop, hopURL := "", ""
		if f := r.chain.Final(); f != nil {
			hop, hopURL = strconv.Itoa(len(r.chain.Exchanges)-1), f.URL
		}
		if err := cw.w.Write([]string{index, r.url.String(), hop, hopURL, statusText(r.status()), "", "", e, ""}); err != nil {
			return err
		}
	}
	for _, f := range r.findings {
		hopURL, status := "", ""
		if f.Hop < len(r.chain.Exchanges) {
			ex := &r.chain.Exchanges[f.Hop]
			hopURL = ex.URL
			if ex.Response != nil {
				status = statusText(ex.Response.Status)
			}
		}
		if err := cw.w.Write([]string{index, r.url.String(), strconv.Itoa(f.Hop), hopURL, status, f.Rule, f.Severity.String(), f.Message, f.Spec}); err != nil {
			return err
		}
	}
	cw.w.Flush()
	return cw.w.Error()
}

func (cw *lintCSVWriter) header() error {
	if cw.headed {
		return nil
	}
	cw.headed = true
	return cw.w.Write(lintCSVHeader)
}

func (cw *lintCSVWriter) end(*checkSummary) error {
	if err := cw.header(); err != nil {
		return err
	}
	cw.w.Flush()
	return cw.w.Error()
}
