package lint

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/httpstatus/httpstatus"
)

// Spec sections the rules rest on.
const (
	rfc9110 = "https://www.rfc-editor.org/rfc/rfc9110.html#section-"
	rfc9111 = "https://www.rfc-editor.org/rfc/rfc9111.html#section-"
	rfc9112 = "https://www.rfc-editor.org/rfc/rfc9112.html#section-"
)

// fixedRules are the rules written by hand; the header rules are derived
// from the catalogue by catalogueRules.
var fixedRules = []Rule{
	// The status line.
	{ID: "status-out-of-range", Severity: Error, Family: "status", Spec: rfc9110 + "15", Summary: "a status code outside 100-599"},
	{ID: "status-unassigned", Severity: Warning, Family: "status", Spec: rfc9110 + "15", Summary: "a code nobody registered: clients read it as the x00 of its class"},
	{ID: "status-unofficial", Severity: Warning, Family: "status", Spec: rfc9110 + "15", Summary: "an unregistered vendor code (499, 520): names whose it is and how other clients read it"},
	{ID: "status-deprecated", Severity: Warning, Family: "status", Spec: rfc9110 + "15.4.6", Summary: "a registered code that should no longer be sent (102, 305)"},
	{ID: "status-reserved", Severity: Warning, Family: "status", Spec: rfc9110 + "15.4.7", Summary: "a code the registry reserves as unused (306)"},
	{ID: "status-obsolete", Severity: Warning, Family: "status", Spec: "https://www.rfc-editor.org/rfc/rfc2774.html", Summary: "a code whose defining document is Historic (510)"},
	{ID: "reason-other-code", Severity: Warning, Family: "status", Spec: rfc9112 + "4", Summary: "a reason phrase that names another code (404 OK)"},
	{ID: "reason-custom", Severity: Info, Family: "status", Spec: rfc9112 + "4", Summary: "a reason phrase of the server's own"},
	{ID: "version-not-sent", Severity: Warning, Family: "status", Spec: rfc9110 + "6.2", Summary: "a response version higher than the request's, or one that does not exist"},
	{ID: "interim-to-http10", Severity: Error, Family: "status", Spec: rfc9110 + "15.2", Summary: "an interim (1xx) response to an HTTP/1.0 request"},

	// Headers that depend on the request or have a syntax.
	{ID: "405-allows-method", Severity: Warning, Family: "headers", Code: 405, Spec: rfc9110 + "15.5.6", Summary: "a 405 whose Allow lists the method it refused"},
	{ID: "retry-after-invalid", Severity: Error, Family: "headers", Spec: rfc9110 + "10.2.3", Summary: "a Retry-After that is neither seconds nor an HTTP date"},
	{ID: "retry-after-past", Severity: Warning, Family: "headers", Spec: rfc9110 + "10.2.3", Summary: "a Retry-After date that has already passed"},
	{ID: "content-range-invalid", Severity: Error, Family: "headers", Spec: rfc9110 + "14.4", Summary: "a Content-Range that is not the form the code needs (bytes a-b/n on 206, bytes */n on 416)"},
	{ID: "challenge-invalid", Severity: Error, Family: "headers", Spec: rfc9110 + "11.6.1", Summary: "a WWW-Authenticate or Proxy-Authenticate that is not a list of challenges"},
	{ID: "upgrade-without-connection-option", Severity: Error, Family: "headers", Spec: rfc9110 + "7.8", Summary: "Upgrade sent without the upgrade option in Connection"},
	{ID: "location-invalid", Severity: Error, Family: "headers", Spec: rfc9110 + "10.2.2", Summary: "a Location that is not a URI reference"},
	{ID: "206-not-requested", Severity: Error, Family: "headers", Code: 206, Spec: rfc9110 + "15.3.7", Summary: "a 206 to a request without Range"},
	{ID: "416-not-requested", Severity: Warning, Family: "headers", Code: 416, Spec: rfc9110 + "15.5.17", Summary: "a 416 to a request without Range"},
	{ID: "201-to-safe-method", Severity: Warning, Family: "headers", Code: 201, Spec: rfc9110 + "15.3.2", Summary: "a 201 Created answering GET or HEAD, which create nothing"},
	{ID: "304-not-conditional", Severity: Warning, Family: "headers", Code: 304, Spec: rfc9110 + "15.4.5", Summary: "a 304 to a request with no If-None-Match or If-Modified-Since"},
	{ID: "412-no-precondition", Severity: Warning, Family: "headers", Code: 412, Spec: rfc9110 + "15.5.13", Summary: "a 412 to a request with no precondition header"},

	// Content and framing.
	{ID: "head-content", Severity: Error, Family: "body", Spec: rfc9110 + "9.3.2", Summary: "content in a response to HEAD"},
	{ID: "content-length-excess", Severity: Error, Family: "body", Spec: rfc9112 + "6.3", Summary: "more bytes than Content-Length declares"},
	{ID: "content-length-short", Severity: Error, Family: "body", Spec: rfc9112 + "6.3", Summary: "the connection ended before the bytes Content-Length declares"},
	{ID: "content-length-invalid", Severity: Error, Family: "body", Spec: rfc9110 + "8.6", Summary: "a Content-Length that is not one number"},
	{ID: "content-length-forbidden", Severity: Error, Family: "body", Spec: rfc9110 + "8.6", Summary: "Content-Length on a 1xx or 204"},
	{ID: "transfer-encoding-forbidden", Severity: Error, Family: "body", Spec: rfc9112 + "6.1", Summary: "Transfer-Encoding on a 1xx or 204"},
	{ID: "no-content-type", Severity: Warning, Family: "body", Spec: rfc9110 + "8.3", Summary: "content without Content-Type"},

	// Soft errors and leaks.
	{ID: "soft-error", Severity: Warning, Family: "soft-error", Spec: rfc9110 + "15.3", Summary: "a 2xx whose body says the request failed"},
	{ID: "soft-error-graphql", Severity: Info, Family: "soft-error", Spec: "https://spec.graphql.org/October2021/#sec-Errors", Summary: "a GraphQL 2xx that carries errors"},
	{ID: "soft-404", Severity: Warning, Family: "soft-error", Active: true, Spec: rfc9110 + "15.5.5", Summary: "a 2xx for a URL that does not exist: a random sibling URL answers the same page"},
	{ID: "leak", Severity: Warning, Family: "leak", Spec: rfc9110 + "17", Summary: "a stack trace or database error in the body"},
	{ID: "leak-on-5xx", Severity: Error, Family: "leak", Spec: rfc9110 + "17", Summary: "a 5xx that shows a stack trace or database error"},

	// Redirect chains.
	{ID: "redirect-loop", Severity: Error, Family: "redirect", Spec: rfc9110 + "15.4", Summary: "a redirect back to a URL already requested"},
	{ID: "redirect-chain-long", Severity: Warning, Family: "redirect", Spec: rfc9110 + "15.4", Summary: "more than 3 redirects before the final answer"},
	{ID: "redirect-ends-in-error", Severity: Warning, Family: "redirect", Spec: rfc9110 + "15.4", Summary: "a redirect chain that ends in a 4xx or 5xx"},
	{ID: "redirect-post-changed", Severity: Warning, Family: "redirect", Spec: rfc9110 + "15.4.3", Summary: "a 301 or 302 answering a POST, which clients repeat as GET"},
	{ID: "redirect-downgrade", Severity: Error, Family: "redirect", Spec: rfc9110 + "4.2.2", Summary: "a redirect from https to http"},
	{ID: "redirect-permanent-as-temporary", Severity: Info, Family: "redirect", Spec: rfc9110 + "15.4", Summary: "a move that looks permanent (to https, www, a trailing slash) served as 302 or 307"},

	// Caching.
	{ID: "error-cached-long", Severity: Warning, Family: "caching", Spec: rfc9111 + "4.2", Summary: "a 5xx, 408 or 429 that caches may keep for more than 5 minutes"},
	{ID: "auth-response-public", Severity: Warning, Family: "caching", Spec: rfc9111 + "3.5", Summary: "a 401 or 403 marked public, which shared caches may give to others"},
	{ID: "no-validator", Severity: Info, Family: "caching", Spec: rfc9110 + "8.8", Summary: "a cacheable 200 to GET with neither ETag nor Last-Modified"},

	// A better code (advice).
	{ID: "better-422", Severity: Info, Family: "better-code", Code: 400, Spec: rfc9110 + "15.5.21", Summary: "a 400 whose body lists invalid fields: 422 says the syntax was fine"},
	{ID: "better-403", Severity: Info, Family: "better-code", Code: 401, Spec: rfc9110 + "15.5.4", Summary: "a 401 to a request with credentials whose body says permission is lacking: 403"},
	{ID: "better-401", Severity: Info, Family: "better-code", Code: 403, Spec: rfc9110 + "15.5.2", Summary: "a 403 to a request without credentials whose body asks to log in: 401"},
	{ID: "better-410", Severity: Info, Family: "better-code", Code: 404, Spec: rfc9110 + "15.5.11", Summary: "a 404 whose body says the resource was removed: 410"},
	{ID: "better-5xx", Severity: Info, Family: "better-code", Code: 500, Spec: rfc9110 + "15.6", Summary: "a 500 whose body blames an upstream, a timeout or maintenance: 502, 504 or 503"},

	// Active checks: requests of the linter's own.
	{ID: "head-get-status", Severity: Warning, Family: "active", Active: true, Spec: rfc9110 + "9.3.2", Summary: "HEAD answers another status than GET"},
	{ID: "head-get-headers", Severity: Warning, Family: "active", Active: true, Spec: rfc9110 + "9.3.2", Summary: "HEAD answers other representation headers than GET"},
	{ID: "etag-not-honoured", Severity: Warning, Family: "active", Active: true, Spec: rfc9110 + "13.1.2", Summary: "If-None-Match with the current ETag does not give 304"},
	{ID: "last-modified-not-honoured", Severity: Warning, Family: "active", Active: true, Spec: rfc9110 + "13.1.3", Summary: "If-Modified-Since with the current Last-Modified does not give 304"},
	{ID: "304-drops-field", Severity: Error, Family: "active", Code: 304, Active: true, Spec: rfc9110 + "15.4.5", Summary: "a 304 without a field the 200 carries that it must repeat"},
	{ID: "range-not-honoured", Severity: Warning, Family: "active", Active: true, Spec: rfc9110 + "14.3", Summary: "Accept-Ranges: bytes, but a Range request gets the whole representation"},
}

var (
	rulesOnce sync.Once
	allRules  []Rule
	ruleIndex map[string]int
)

// loadRules builds the rule list once: the fixed rules and those derived
// from the catalogue.
func loadRules() {
	rulesOnce.Do(func() {
		allRules = append(slices.Clone(fixedRules), catalogueRules()...)
		slices.SortStableFunc(allRules, func(a, b Rule) int {
			return cmp.Or(cmp.Compare(slices.Index(families, a.Family), slices.Index(families, b.Family)), strings.Compare(a.ID, b.ID))
		})
		ruleIndex = make(map[string]int, len(allRules))
		for i, r := range allRules {
			ruleIndex[r.ID] = i
		}
	})
}

// families in the order the rule list shows them.
var families = []string{"status", "headers", "body", "soft-error", "leak", "redirect", "caching", "better-code", "active"}

// Rules returns every rule, by family and then id.
func Rules() []Rule {
	loadRules()
	return slices.Clone(allRules)
}

// RuleByID returns the rule with this id.
func RuleByID(id string) (Rule, bool) {
	loadRules()
	i, ok := ruleIndex[id]
	if !ok {
		return Rule{}, false
	}
	return allRules[i], true
}

// headerRule is a header requirement of the catalogue the passive rules
// check: the code, the header and the entry it comes from.
type headerRule struct {
	Rule
	Header httpstatus.Header
	Entry  httpstatus.Status
}

var (
	headerRulesOnce sync.Once
	headerRulesByNo map[int][]headerRule
)

// checkable is whether a condition can be decided from the exchange.
func checkable(c httpstatus.Condition) bool {
	switch c {
	case httpstatus.Always, httpstatus.WithContent, httpstatus.ForRangeRequest,
		httpstatus.ForCodedContent, httpstatus.SinglePart, httpstatus.FirstInterim,
		httpstatus.NoOtherFraming, httpstatus.NotAtTarget:
		return true
	}
	// IfOn200 is the active 304-drops-field; IfKnown and IfTemporary
	// cannot be seen from outside.
	return false
}

// headerRules derives, once, the "{code}-no-{header}" rules from the
// catalogue's required and recommended headers: a required header that
// is missing is an error, a recommended one a warning. A number is
// judged by its registered meaning; an unregistered number only when the
// catalogue gives it a single meaning (whose code it is decides what it
// needs).
func headerRules() map[int][]headerRule {
	headerRulesOnce.Do(func() {
		headerRulesByNo = map[int][]headerRule{}
		for code := 100; code <= 599; code++ {
			ms := httpstatus.Meanings(code)
			if len(ms) == 0 || ms[0].Registry == httpstatus.Unofficial && len(ms) > 1 {
				continue
			}
			e := ms[0]
			for _, h := range e.Headers {
				if h.Requirement == httpstatus.Optional || !checkable(h.When) {
					continue
				}
				sev := Warning
				if h.Requirement == httpstatus.Required {
					sev = Error
				}
				what := "a " + strconv.Itoa(code) + " without " + h.Name
				if w := h.When.Words(); w != "" {
					what += ", " + w
				}
				headerRulesByNo[code] = append(headerRulesByNo[code], headerRule{
					Rule: Rule{
						ID:       strconv.Itoa(code) + "-no-" + strings.ToLower(h.Name),
						Severity: sev, Family: "headers", Code: code, Spec: e.Spec.URL, Summary: what,
					},
					Header: h, Entry: e,
				})
			}
		}
	})
	return headerRulesByNo
}

// catalogueRules lists the rules derived from the catalogue: the header
// rules, and "status-{code}-content" for every code that forbids content.
func catalogueRules() []Rule {
	var out []Rule
	for code := 100; code <= 599; code++ {
		for _, hr := range headerRules()[code] {
			out = append(out, hr.Rule)
		}
		if e, ok := httpstatus.Lookup(code); ok && e.Registry != httpstatus.Unofficial && e.Body == httpstatus.BodyForbidden {
			out = append(out, Rule{
				ID: contentRuleID(code), Severity: Error, Family: "body", Code: code, Spec: e.Spec.URL,
				Summary: "content in a " + strconv.Itoa(code) + " " + e.Phrase + ", which has none",
			})
		}
	}
	return out
}

// contentRuleID is the id of the rule against content in a code that
// forbids it.
func contentRuleID(code int) string { return "status-" + strconv.Itoa(code) + "-content" }
