// Package lint finds what is wrong with HTTP responses: a status code
// that does not fit, a header the code needs and lacks, content where
// none may be, a 200 whose body says it failed, a leaked stack trace, a
// redirect chain that loops or downgrades to http.
//
// The rules come from the catalogue (package httpstatus): which headers
// each code requires or recommends and when, which codes forbid content,
// which numbers are registered, deprecated, reserved or a vendor's. So the
// linter, the catalogue and the test service cannot disagree.
//
// Lint a response your own code produced in a test:
//
//	rec := httptest.NewRecorder()
//	handler.ServeHTTP(rec, req)
//	for _, f := range lint.Check(lint.FromRecorder(req, rec)) {
//		t.Error(f)
//	}
//
// The package imports only the standard library and the catalogue.
package lint

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/httpstatus/httpstatus"
)

// Severity says how bad a finding is.
type Severity int

// The severities, from least to most severe.
const (
	// Info is advice: a better code, a missing nicety.
	Info Severity = iota + 1
	// Warning is a broken SHOULD or a practice known to do harm.
	Warning
	// Error is a broken MUST.
	Error
)

// String is the severity's name: "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText writes the severity's name, so that JSON says "error".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		return fmt.Errorf("unknown severity %q: use info, warning or error", b)
	}
	*s = v
	return nil
}

// ParseSeverity reads "info", "warning" or "error" (any case).
func ParseSeverity(name string) (Severity, bool) {
	switch strings.ToLower(name) {
	case "info":
		return Info, true
	case "warning":
		return Warning, true
	case "error":
		return Error, true
	}
	return 0, false
}

// Rule is one thing the linter checks.
type Rule struct {
	// ID is stable: tools and people refer to the rule by it.
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	// Family groups rules: status, headers, body, soft-error, leak,
	// redirect, caching, better-code, active.
	Family string `json:"family"`
	// Summary says in a line what the rule finds.
	Summary string `json:"summary"`
	// Spec is the URL of the section the rule rests on.
	Spec string `json:"spec"`
	// Code is the status code the rule is about; 0 when it is about any.
	Code int `json:"code,omitempty"`
	// Active is true for rules that need requests of their own
	// (see CheckActive).
	Active bool `json:"active,omitempty"`
}

// Finding is one thing wrong with one response.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Message says in plain words what is wrong and what to change.
	Message string `json:"message"`
	// Hop is the index of the exchange in the chain, 0 for the first.
	Hop int `json:"hop"`
	// Spec is the URL of the spec section.
	Spec string `json:"spec"`
	// Code is the status code of the response, and Link the path of its
	// page on the httpstatus site ("/405"; "" when out of range).
	Code int    `json:"code"`
	Link string `json:"link,omitempty"`
}

// String is the finding on one line: "error 405-no-allow: ...".
func (f Finding) String() string {
	return f.Severity.String() + " " + f.Rule + ": " + f.Message
}

// Request is the request a response answered, as far as it is known.
type Request struct {
	Method string
	URL    string
	// Proto is the version the request was sent with ("HTTP/1.1");
	// empty when unknown.
	Proto  string
	Header http.Header
}

// Response is one response as received.
type Response struct {
	// Proto is the version on the status line ("HTTP/1.1").
	Proto      string
	StatusCode int
	// Reason is the reason phrase as received; empty is valid.
	Reason string
	Header http.Header
	// Body is the content, or as much of it as was kept.
	Body []byte
	// Length is how many bytes of content arrived; 0 means len(Body)
	// (all of it was kept).
	Length int64
	// Truncated says Body holds less than Length.
	Truncated bool
	// Incomplete says the connection ended before the content its
	// framing declared.
	Incomplete bool
	// Excess counts bytes that arrived after the message's end as its
	// framing declared it (content on a HEAD or 204 response, or more
	// than Content-Length).
	Excess int64
}

// Exchange is a request and what came back: any interim (1xx)
// responses, then the final one.
type Exchange struct {
	Request  Request
	Interim  []Response
	Response Response
}

// length is how many bytes of content arrived.
func (r *Response) length() int64 {
	return max(r.Length, int64(len(r.Body)))
}

// Check lints one exchange: the status line, the headers the code needs,
// content and framing, soft errors, leaks, caching and the better code.
// The findings are in a fixed order: by severity, worst first, then by
// rule id.
func Check(ex Exchange) []Finding {
	return CheckChain([]Exchange{ex})
}

// CheckChain lints a redirect chain: every hop as Check does, then the
// chain as a whole (loops, length, downgrades, where it ends). Each
// finding names its hop.
func CheckChain(hops []Exchange) []Finding {
	var out []Finding
	for i := range hops {
		c := &checker{ex: &hops[i], hop: i, out: &out}
		for _, run := range passive {
			run(c)
		}
	}
	checkChain(hops, &out)
	sortFindings(out)
	return out
}

// sortFindings orders findings by hop, severity (worst first) and rule.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.Hop != b.Hop {
			return a.Hop - b.Hop
		}
		if a.Severity != b.Severity {
			return int(b.Severity - a.Severity)
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// Worst is the most severe severity among fs; 0 when fs is empty.
func Worst(fs []Finding) Severity {
	var w Severity
	for _, f := range fs {
		w = max(w, f.Severity)
	}
	return w
}

// checker carries one hop through the passive rules.
type checker struct {
	ex  *Exchange
	hop int
	out *[]Finding
}

// report adds a finding of rule id about the final response.
func (c *checker) report(id, message string) {
	add(c.out, id, c.hop, c.ex.Response.StatusCode, message)
}

// add appends a finding of rule id. An id that is not a rule is a bug the
// package's tests catch; it is reported as an error rather than lost.
func add(out *[]Finding, id string, hop, code int, message string) {
	r, ok := RuleByID(id)
	if !ok {
		r = Rule{ID: id, Severity: Error}
	}
	f := Finding{Rule: id, Severity: r.Severity, Message: message, Hop: hop, Spec: r.Spec, Code: code}
	if f.Spec == "" {
		if s, ok := httpstatus.Lookup(code); ok {
			f.Spec = s.Spec.URL
		}
	}
	if httpstatus.IsValid(code) {
		f.Link = "/" + strconv.Itoa(code)
	}
	*out = append(*out, f)
}
