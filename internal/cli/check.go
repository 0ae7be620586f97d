package cli

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/lint"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/net/http/httpguts"
)

// 'httpstatus check' asks real URLs what they answer, hop by hop. This
// file holds the command and its flags; check_run.go the scheduler;
// check_output.go the run from input to output, and the progress bar;
// check_text.go and check_machine.go the formats; check_parse.go the
// parsers; HTTP/2 is the engine's exchange.HTTP2Client.

type checkOptions struct {
	input        string
	method       string
	headers      []string
	data         string
	timeout      time.Duration
	insecure     bool
	head         bool
	userAgent    string
	expect       string
	noFollow     bool
	maxRedirects int
	concurrency  int
	perHost      int
	unordered    bool
	retries      int
	maxRetryWait time.Duration
	json         bool
	jsonl        bool
	csv          bool
	verbose      int
	http2        bool
	maxBody      byteSize

	command string // "check" or "lint"

	// 'httpstatus lint' only (lint.go).
	failOn string
	active bool
	ignore []string
	rules  bool
}

// Limits of the flags, so that a typo cannot ask for a million
// goroutines or a day-long wait.
const (
	maxConcurrency  = 1000
	maxRetries      = 10
	maxRedirectsCap = 100
)

func newCheckCommand(e *env) *cobra.Command {
	o := &checkOptions{command: "check"}
	cmd := &cobra.Command{
		Use:   "check [flags] URL...",
		Short: "Check what URLs answer: every hop, with timings, one URL or thousands",
		Long: "check sends a request to each URL and shows what came back: for one URL every\n" +
			"redirect hop (method, URL, status, Location, time), a timing bar per hop (DNS,\n" +
			"connect, TLS, wait, transfer, to the microsecond), what each code means and what\n" +
			"the lint rules find wrong with each response (the passive rules of 'httpstatus\n" +
			"lint': no request more, and no effect on the exit status); for many URLs one row\n" +
			"each, in input order, and a summary. --json and --jsonl carry the findings too.\n\n" +
			"URLs come from the arguments, from -i FILE, or from standard input with '-',\n" +
			"one per line; blank lines and lines starting with # are skipped, and a line that\n" +
			"is not a URL is reported as a row with the reason. A URL without a scheme gets\n" +
			"http:// when its host is localhost or a loopback address, https:// otherwise.\n\n" +
			"Redirects are followed (up to --max-redirects) the way browsers do: 303, and\n" +
			"301/302 after POST, become GET; 307 and 308 repeat the request. Loops, https to\n" +
			"http downgrades and hops to other hosts are flagged. TLS certificates are\n" +
			"verified unless -k is given. A 429 or 503 with Retry-After makes every request to\n" +
			"that host wait (up to --max-retry-wait); --retries retries network errors, 408,\n" +
			"429, 502, 503 and 504 for idempotent methods.\n\n" +
			"By default a URL passes when its final status is below 400; --expect sets the\n" +
			"codes, classes and ranges that pass (000 is \"no answer\"). A URL that did not\n" +
			"answer shows 000 and the reason (DNS, refused, reset, TLS, timeout).\n\n" +
			"Output: aligned text (colour only on a terminal), --json (one document),\n" +
			"--jsonl (one result per line, streamed; no header line, each line carries\n" +
			"schema_version) or --csv (one row per URL under a fixed header). With a machine\n" +
			"format the summary goes to stderr. A progress bar is drawn on stderr only when\n" +
			"stderr is a terminal.\n\n" +
			"Exit codes: 0 every URL met its expectation; 1 at least one did not, did not\n" +
			"answer or was not a URL; 2 a usage error.",
		Example: "  httpstatus check https://example.com\n" +
			"  httpstatus check localhost:8080/redirect/3 -v\n" +
			"  httpstatus check --head --expect 2xx,301 https://a.example https://b.example\n" +
			"  httpstatus check -i urls.txt -c 50 --per-host 6 --csv > report.csv\n" +
			"  cat urls.txt | httpstatus check - --jsonl --retries 2\n" +
			"  httpstatus check -X POST -H 'Content-Type: application/json' -d '{}' https://api.example/items\n" +
			"  httpstatus check --http2 https://example.com",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd.Context(), e, o, cmd.Flags(), args)
		},
	}
	f := cmd.Flags()
	o.register(f, "check")
	f.BoolVar(&o.head, "head", false, "send HEAD (falling back to GET when the server answers 405 or 501)")
	f.StringVar(&o.expect, "expect", "", "final statuses that pass: codes, classes, ranges, 000 for no answer (default: below 400)")
	return cmd
}

// register adds the flags 'check' and 'lint' share: input, request,
// redirects, bulk, retries, output; command names the User-Agent.
func (o *checkOptions) register(f *pflag.FlagSet, command string) {
	f.StringVarP(&o.input, "input", "i", "", "read URLs from FILE, one per line ('-' for standard input)")
	f.StringVarP(&o.method, "request", "X", "", "request method (default GET, or POST with -d)")
	f.StringArrayVarP(&o.headers, "header", "H", nil, "request header field 'Name: value' (repeatable)")
	f.StringVarP(&o.data, "data", "d", "", "request body, sent as given (implies POST, and a form Content-Type unless -H sets one)")
	f.DurationVar(&o.timeout, "timeout", 10*time.Second, "time allowed for each request, connecting included")
	f.BoolVarP(&o.insecure, "insecure", "k", false, "do not verify TLS certificates")
	f.StringVar(&o.userAgent, "user-agent", "httpstatus-"+command+"/"+version(), "User-Agent field ('' sends none)")
	f.BoolVar(&o.noFollow, "no-follow", false, "do not follow redirects")
	f.IntVar(&o.maxRedirects, "max-redirects", 10, "redirects followed at most (0: none)")
	f.IntVarP(&o.concurrency, "concurrency", "c", 50, "URLs checked at once")
	f.IntVar(&o.perHost, "per-host", 6, "requests at once to one scheme, host and port")
	f.BoolVar(&o.unordered, "unordered", false, "print results as they complete instead of in input order")
	f.IntVar(&o.retries, "retries", 0, "retries after a network error, 408, 429, 502, 503 or 504 (idempotent methods only)")
	f.DurationVar(&o.maxRetryWait, "max-retry-wait", 30*time.Second, "longest Retry-After (or backoff) waited for; a longer one is reported, not waited for")
	f.BoolVar(&o.json, "json", false, "print one JSON document")
	f.BoolVar(&o.jsonl, "jsonl", false, "print one JSON object per URL and line, as results arrive")
	f.CountVarP(&o.verbose, "verbose", "v", "show the final response's header fields (-vv: every hop's request and response heads)")
	csvHelp := "print CSV, one row per URL"
	if command == "lint" {
		csvHelp = "print CSV, one row per finding (and one with an empty rule for a URL that did not answer)"
	}
	f.BoolVar(&o.csv, "csv", false, csvHelp)
	o.maxBody = 64 << 10
	f.Var(&o.maxBody, "max-body", "how much of each final response body the JSON output and -vv show (KiB, MiB; 0: none); bodies are read and counted up to 8 MiB more either way")
	f.BoolVar(&o.http2, "http2", false, "negotiate HTTP/2 by ALPN through Go's HTTP transport (raw bytes are then not available)")
}

// checkConfig is what the flags amount to, checked.
type checkConfig struct {
	method       string
	header       []exchange.Field
	body         string
	head         bool
	expect       expectation
	policy       exchange.Policy
	concurrency  int
	perHost      int
	ordered      bool
	retries      int
	maxRetryWait time.Duration
	format       string // text, json, jsonl or csv
	verbose      int
	http2        bool
	maxBody      int64 // of the final body kept and shown; 0: none
	insecure     bool
	userAgent    string

	// check runs the passive lint rules (lint.CheckChain) where it shows
	// their findings: one URL's view, --json and --jsonl (lintChains);
	// 'httpstatus lint' always, and decides with them.
	command    string // "check" or "lint"
	lintChains bool
	active     bool            // lint.CheckActive on the final exchange
	failOn     lint.Severity   // lint: a finding at or above it fails the URL
	ignore     map[string]bool // rule ids whose findings are dropped
}

// config checks the flags and turns them into a checkConfig.
func (o *checkOptions) config(flags *pflag.FlagSet) (checkConfig, error) {
	c := checkConfig{
		concurrency: o.concurrency, perHost: o.perHost, ordered: !o.unordered, retries: o.retries,
		maxRetryWait: o.maxRetryWait, verbose: o.verbose, http2: o.http2, insecure: o.insecure, maxBody: int64(o.maxBody),
		userAgent: o.userAgent, head: o.head, body: o.data, format: "text", command: o.command,
	}
	var formats []string
	for _, f := range []struct {
		on   bool
		name string
	}{{o.json, "json"}, {o.jsonl, "jsonl"}, {o.csv, "csv"}} {
		if f.on {
			formats = append(formats, "--"+f.name)
			c.format = f.name
		}
	}
	switch {
	case len(formats) > 1:
		return c, usageErrorf("%s: choose one output format", strings.Join(formats, " and "))
	case o.concurrency < 1 || o.concurrency > maxConcurrency:
		return c, usageErrorf("-c/--concurrency must be 1 to %d, not %d", maxConcurrency, o.concurrency)
	case o.perHost < 1 || o.perHost > maxConcurrency:
		return c, usageErrorf("--per-host must be 1 to %d, not %d", maxConcurrency, o.perHost)
	case o.timeout <= 0:
		return c, usageErrorf("--timeout must be positive, not %v", o.timeout)
	case o.retries < 0 || o.retries > maxRetries:
		return c, usageErrorf("--retries must be 0 to %d, not %d", maxRetries, o.retries)
	case o.maxBody > 16<<20:
		return c, usageErrorf("--max-body must be at most 16MiB, not %d bytes", o.maxBody)
	case o.maxRetryWait < 0:
		return c, usageErrorf("--max-retry-wait must be 0 or more, not %v", o.maxRetryWait)
	case o.maxRedirects < 0 || o.maxRedirects > maxRedirectsCap:
		return c, usageErrorf("--max-redirects must be 0 to %d, not %d", maxRedirectsCap, o.maxRedirects)
	case o.noFollow && flags.Changed("max-redirects"):
		return c, usageErrorf("--no-follow and --max-redirects contradict each other: give one")
	case o.head && flags.Changed("request"):
		return c, usageErrorf("--head and -X contradict each other: give one")
	case o.head && flags.Changed("data"):
		return c, usageErrorf("--head sends no body: drop -d or --head")
	case strings.ContainsAny(o.userAgent, "\r\n\x00"):
		return c, usageErrorf("--user-agent must be one line")
	case o.verbose > 2:
		return c, usageErrorf("-v shows the final headers and -vv every hop's; there is no -vvv")
	}
	c.method = http.MethodGet
	switch {
	case o.head:
		c.method = http.MethodHead
	case flags.Changed("request"):
		if !httpguts.ValidHeaderFieldName(o.method) {
			return c, usageErrorf("-X %s is not a method name (letters, digits and !#$%%&'*+-.^_`|~)", quoteClip(o.method))
		}
		c.method = o.method
	case flags.Changed("data"):
		c.method = http.MethodPost
	}
	hasType := false
	for _, h := range o.headers {
		f, err := parseHeader(h)
		if err != nil {
			return c, usageErrorf("%v", err)
		}
		hasType = hasType || strings.EqualFold(f.Name, "Content-Type")
		c.header = append(c.header, f)
	}
	if flags.Changed("data") && !hasType {
		c.header = append(c.header, exchange.Field{Name: "Content-Type", Value: "application/x-www-form-urlencoded"})
	}
	if flags.Changed("expect") {
		x, err := parseExpect(o.expect)
		if err != nil {
			return c, usageErrorf("%v", err)
		}
		c.expect = x
	}
	c.policy = exchange.Policy{Follow: !o.noFollow && o.maxRedirects > 0, MaxRedirects: o.maxRedirects, Timeout: o.timeout}
	if o.command == "lint" {
		if err := o.lintConfig(&c); err != nil {
			return c, err
		}
	}
	return c, nil
}

// target is one URL to check, or an input line that is not one.
type target struct {
	index   int    // position among the targets, from 1
	input   string // as given
	where   string // "line 3 of urls.txt"; "" for an argument
	url     *url.URL
	assumed string // the scheme added to a URL given without one
	err     string // why the input is not a URL to check
}

// inputSource is where URLs come from: the arguments in order (where
// "-" stands for standard input), then -i FILE.
type inputSource struct {
	args  []target // parsed arguments; a nil url at "-"
	stdin io.Reader
	file  io.Reader
	fname string
}

// single reports a check of one URL given as an argument: the hop by hop
// view rather than a row per URL.
func (src *inputSource) single() bool {
	return len(src.args) == 1 && src.args[0].url != nil && src.file == nil
}

// runCheck checks the flags and the URL arguments (a bad one is a usage
// error, before anything is sent), then checks every URL.
func runCheck(ctx context.Context, e *env, o *checkOptions, flags *pflag.FlagSet, args []string) error {
	cfg, err := o.config(flags)
	if err != nil {
		return err
	}
	src := &inputSource{stdin: e.stdin}
	stdinUsed := false
	for _, a := range args {
		if a == "-" {
			if stdinUsed {
				return usageErrorf("- (standard input) is given twice")
			}
			stdinUsed = true
			src.args = append(src.args, target{input: "-"})
			continue
		}
		u, assumed, err := parseTarget(a)
		if err != nil {
			return usageErrorf("%v", err)
		}
		src.args = append(src.args, target{input: a, url: u, assumed: assumed})
	}
	switch o.input {
	case "":
		if len(args) == 0 {
			return usageErrorf("no URLs: give them as arguments, with -i FILE, or '-' to read them from standard input")
		}
	case "-":
		if stdinUsed {
			return usageErrorf("- (standard input) is given twice")
		}
		src.file, src.fname = e.stdin, "standard input"
	default:
		f, err := openInput(o.input)
		if err != nil {
			return err
		}
		defer f.Close()
		src.file, src.fname = f, o.input
	}
	// The bulk rows and CSV of check show no findings: they are spared
	// the rules' time.
	cfg.lintChains = cfg.command == "lint" || cfg.format == "json" || cfg.format == "jsonl" || src.single()
	if cfg.command == "lint" {
		// Requests of lint's own: by default for one URL, not for a list.
		cfg.active = src.single()
		if flags.Changed("active") {
			cfg.active = o.active
		}
	}
	return checkAll(ctx, e, cfg, src)
}

// openInput opens -i FILE: the one place 'check' touches the file system,
// for a file the user named.
func openInput(name string) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, usageErrorf("-i %s: %v", quoteClip(name), unwrapPathError(err))
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, usageErrorf("-i %s is a directory, not a file of URLs", quoteClip(name))
	}
	return f, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
