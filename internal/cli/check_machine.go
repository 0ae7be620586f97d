package cli

// The machine formats of 'httpstatus check': --json, --jsonl and --csv.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/lint"
)

// summaryJSON is the summary in the JSON document.
type summaryJSON struct {
	URLs        int            `json:"urls"`
	Met         int            `json:"met"`
	Unmet       int            `json:"unmet"`
	Expected    string         `json:"expected,omitempty"` // check
	Classes     map[string]int `json:"classes"`
	Errors      int            `json:"errors"`
	NotURLs     int            `json:"not_urls"`
	Redirected  int            `json:"redirected"`
	RateLimited int            `json:"rate_limited"`
	Retried     int            `json:"retried"`
	ElapsedMS   float64        `json:"elapsed_ms"`
	PerSecond   float64        `json:"per_second"`
	FailOn      string         `json:"fail_on,omitempty"` // lint
	Findings    map[string]int `json:"findings"`          // per severity: error, warning, info
	Rules       map[string]int `json:"rules"`             // findings per rule id
	Ignored     int            `json:"ignored"`           // findings --ignore dropped
}

func (s *checkSummary) json() summaryJSON {
	j := summaryJSON{URLs: s.urls, Met: s.met, Unmet: s.unmet, Expected: s.expect.String(), Classes: s.classes, Errors: s.errors,
		NotURLs: s.notURLs, Redirected: s.redirected, RateLimited: s.rateLimited, Retried: s.retried,
		ElapsedMS: exchange.Milliseconds(s.elapsed), PerSecond: float64(int64(s.perSecond()*10)) / 10,
		Findings: map[string]int{}, Rules: s.rules, Ignored: s.ignored}
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		j.Findings[sev.String()] = s.severities[sev]
	}
	if s.command == "lint" {
		j.Expected, j.FailOn = "", s.failOn.String()
	}
	return j
}

// resultJSON is one URL's check in --json and --jsonl.
type resultJSON struct {
	SchemaVersion int         `json:"schema_version,omitempty"` // --jsonl only: each line stands alone
	Index         int         `json:"index"`                    // position in the input, from 1
	Input         string      `json:"input"`
	Where         string      `json:"where,omitempty"` // the line, for input read from a file
	URL           string      `json:"url,omitempty"`
	AssumedScheme string      `json:"assumed_scheme,omitempty"`
	FinalURL      string      `json:"final_url,omitempty"`
	Status        int         `json:"status"` // 0: no answer
	Phrase        string      `json:"phrase"` // the catalogue's
	OK            bool        `json:"ok"`
	Expected      string      `json:"expected,omitempty"` // check
	FailOn        string      `json:"fail_on,omitempty"`  // lint
	Redirects     int         `json:"redirects"`
	TimeMS        float64     `json:"time_ms"`    // on the wire: the last attempt's exchanges
	ElapsedMS     float64     `json:"elapsed_ms"` // waits, retries and fallbacks included
	Protocol      string      `json:"protocol,omitempty"`
	Error         string      `json:"error,omitempty"`
	Failure       string      `json:"failure,omitempty"` // dns, refused, reset, tls, timeout, closed, protocol, connect; input
	HeadFallback  *fallback   `json:"head_fallback,omitempty"`
	Retries       []retryNote `json:"retries"`
	RateLimited   bool        `json:"rate_limited"`
	Note          string      `json:"note,omitempty"`
	Chain         []hopJSON   `json:"chain"`
	// Findings are the lint findings: of the passive rules for check,
	// and of the active ones too for lint with --active.
	Findings       []findingJSON `json:"findings"`
	Ignored        int           `json:"ignored,omitempty"`         // findings --ignore dropped
	ActiveRequests int           `json:"active_requests,omitempty"` // sent by lint --active
}

// fallback is a HEAD answered 405 or 501, and the GET sent instead.
type fallback struct {
	Status int    `json:"status"`
	Phrase string `json:"phrase"`
	Then   string `json:"then"`
}

// hopJSON is one request of a chain.
type hopJSON struct {
	N             int                `json:"n"`
	Method        string             `json:"method"`
	URL           string             `json:"url"`
	Status        int                `json:"status"`
	Reason        string             `json:"reason,omitempty"` // as on the status line
	Phrase        string             `json:"phrase"`           // the catalogue's
	Proto         string             `json:"proto,omitempty"`
	Interim       []interimJSON      `json:"interim"`
	Redirect      *exchange.Hop      `json:"redirect,omitempty"`
	Reused        bool               `json:"reused"`
	Connection    *exchange.ConnInfo `json:"connection,omitempty"`
	Timings       exchange.Timings   `json:"timings"`
	Phases        phasesJSON         `json:"phases"`
	Headers       []exchange.Field   `json:"headers"`
	BodyBytes     int64              `json:"body_bytes"`
	BodyTruncated bool               `json:"body_truncated,omitempty"`
	Body          string             `json:"body,omitempty"` // the final hop's first --max-body bytes
	BodyBase64    bool               `json:"body_base64,omitempty"`
	Error         string             `json:"error,omitempty"`
	Failure       string             `json:"failure,omitempty"`
}

type interimJSON struct {
	Status  int              `json:"status"`
	Phrase  string           `json:"phrase"`
	Headers []exchange.Field `json:"headers"`
	AtMS    float64          `json:"at_ms"`
}

// phasesJSON are the durations of the timing bar; a phase that did not
// happen is null.
type phasesJSON struct {
	DNSMS      *float64 `json:"dns_ms"`
	ConnectMS  *float64 `json:"connect_ms"`
	TLSMS      *float64 `json:"tls_ms"`
	WaitMS     *float64 `json:"wait_ms"`
	TransferMS *float64 `json:"transfer_ms"`
}

func (r *checkResult) json(cfg checkConfig) resultJSON {
	j := resultJSON{
		Index: r.index, Input: r.input, Where: r.where, AssumedScheme: r.assumed, Status: r.status(), OK: r.ok,
		Expected: cfg.expect.String(), Redirects: r.chain.Redirects, TimeMS: r.timeMS, ElapsedMS: r.elapsedMS,
		Protocol: r.protocol(), Error: r.errorText(), Failure: r.chain.Failure, Retries: r.retries,
		RateLimited: r.rateLimited, Note: r.note, Chain: []hopJSON{}, FinalURL: r.finalURL(),
		Findings: findingsJSON(r.findings), Ignored: r.ignored, ActiveRequests: r.active,
	}
	if cfg.command == "lint" {
		j.Expected, j.FailOn = "", cfg.failOn.String()
	}
	if j.Retries == nil {
		j.Retries = []retryNote{}
	}
	j.Phrase = phraseOf(j.Status)
	if r.url == nil {
		j.Failure, j.Phrase = "input", "not a URL"
	} else {
		j.URL = r.url.String()
	}
	if r.headFallback != 0 {
		j.HeadFallback = &fallback{Status: r.headFallback, Phrase: phraseOf(r.headFallback), Then: "GET"}
	}
	for i, ex := range r.chain.Exchanges {
		h := hopJSON{N: i + 1, Method: ex.Request.Method, URL: ex.URL, Interim: []interimJSON{}, Redirect: ex.Redirect, Reused: ex.Reused,
			Connection: ex.Conn, Timings: ex.Timings, Headers: []exchange.Field{}, Error: ex.Error, Failure: ex.Failure}
		h.Phrase = phraseOf(0)
		if resp := ex.Response; resp != nil {
			h.Status, h.Reason, h.Phrase, h.Proto, h.Headers = resp.Status, resp.Reason, phraseOf(resp.Status), resp.Proto, resp.Headers
			// With --max-body the body shown may be cut short of the body;
			// without, only a body beyond what is read counts as cut.
			h.BodyBytes, h.Body, h.BodyBase64 = resp.BodyBytes, resp.Body, resp.BodyBase64
			h.BodyTruncated = resp.BodyCut || cfg.maxBody > 0 && resp.BodyTruncated
		}
		for _, in := range ex.Interim {
			h.Interim = append(h.Interim, interimJSON{Status: in.Status, Phrase: phraseOf(in.Status), Headers: in.Headers, AtMS: in.AtMS})
		}
		p := ex.Phases()
		ptrs := [5]**float64{&h.Phases.DNSMS, &h.Phases.ConnectMS, &h.Phases.TLSMS, &h.Phases.WaitMS, &h.Phases.TransferMS}
		for k, v := range p {
			if v >= 0 {
				v = math.Round(v*1000) / 1000
				*ptrs[k] = &v
			}
		}
		j.Chain = append(j.Chain, h)
	}
	return j
}

// marshal encodes v as JSON without escaping <, > and &, indented with
// prefix when indent is set, and without the final newline.
func marshal(v any, prefix string, indent bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent(prefix, "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// jsonWriter streams one JSON document: schema_version, the results as
// they come, then the summary and the meaning of every code seen. Nothing
// but the codes is kept between results.
type jsonWriter struct {
	w     io.Writer
	cfg   checkConfig
	n     int
	codes map[int]bool
}

func (jw *jsonWriter) result(r *checkResult) error {
	if jw.n == 0 {
		if _, err := fmt.Fprintf(jw.w, "{\n  \"schema_version\": %d,\n  \"results\": [", checkSchemaVersion); err != nil {
			return err
		}
	}
	b, err := marshal(r.json(jw.cfg), "    ", true)
	if err != nil {
		return err
	}
	sep := ",\n    "
	if jw.n == 0 {
		sep = "\n    "
	}
	jw.n++
	if r.url != nil {
		for _, c := range chainCodes(r) {
			jw.codes[c] = true
		}
	}
	_, err = io.WriteString(jw.w, sep+string(b))
	return err
}

// codeJSON is a code's entry in the document's "codes".
type codeJSON struct {
	Phrase  string `json:"phrase"`
	Meaning string `json:"meaning"`
}

func (jw *jsonWriter) end(s *checkSummary) error {
	var b strings.Builder
	if jw.n == 0 {
		fmt.Fprintf(&b, "{\n  \"schema_version\": %d,\n  \"results\": [", checkSchemaVersion)
	}
	sum, err := marshal(s.json(), "  ", true)
	if err != nil {
		return err
	}
	codes := map[string]codeJSON{}
	for c := range jw.codes {
		codes[statusText(c)] = codeJSON{Phrase: phraseOf(c), Meaning: meaningOf(c)}
	}
	cj, err := marshal(codes, "  ", true)
	if err != nil {
		return err
	}
	if jw.n > 0 {
		b.WriteString("\n  ")
	}
	fmt.Fprintf(&b, "],\n  \"summary\": %s,\n  \"codes\": %s\n}\n", sum, cj)
	_, err = io.WriteString(jw.w, b.String())
	return err
}

// jsonlWriter writes one JSON object per line and URL, as results come.
// There is no header or summary line: every line is a result and carries
// schema_version; the summary goes to stderr.
type jsonlWriter struct {
	w   io.Writer
	cfg checkConfig
}

func (jw *jsonlWriter) result(r *checkResult) error {
	j := r.json(jw.cfg)
	j.SchemaVersion = checkSchemaVersion
	b, err := marshal(j, "", false)
	if err != nil {
		return err
	}
	_, err = jw.w.Write(append(b, '\n'))
	return err
}

func (jw *jsonlWriter) end(*checkSummary) error { return nil }

// checkCSVHeader is the fixed first row of --csv.
var checkCSVHeader = []string{"index", "input", "url", "final_url", "status", "phrase", "ok", "expected", "redirects",
	"time_ms", "protocol", "retries", "head_fallback", "rate_limited", "failure", "error", "note"}

type csvWriter struct {
	w      *csv.Writer
	cfg    checkConfig
	headed bool // the header row is written
}

func (cw *csvWriter) result(r *checkResult) error {
	if err := cw.header(); err != nil {
		return err
	}
	j := r.json(cw.cfg)
	fb := ""
	if j.HeadFallback != nil {
		fb = strconv.Itoa(j.HeadFallback.Status)
	}
	status := statusText(j.Status)
	if r.url == nil {
		status = ""
	}
	row := []string{strconv.Itoa(j.Index), j.Input, j.URL, j.FinalURL, status, j.Phrase, strconv.FormatBool(j.OK), j.Expected,
		strconv.Itoa(j.Redirects), strconv.FormatFloat(j.TimeMS, 'f', 3, 64), j.Protocol, strconv.Itoa(len(j.Retries)), fb,
		strconv.FormatBool(j.RateLimited), j.Failure, j.Error, j.Note}
	if err := cw.w.Write(row); err != nil {
		return err
	}
	cw.w.Flush()
	return cw.w.Error()
}

// header writes the header row once.
func (cw *csvWriter) header() error {
	if cw.headed {
		return nil
	}
	cw.headed = true
	return cw.w.Write(checkCSVHeader)
}

func (cw *csvWriter) end(*checkSummary) error {
	if err := cw.header(); err != nil {
		return err
	}
	cw.w.Flush()
	return cw.w.Error()
}
