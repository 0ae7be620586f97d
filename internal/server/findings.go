package server

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/lint"
)

// The inspector and the checker lint every response they report (package
// lint) and show each hop's findings under it: in the tester and /check
// pages, and as "findings" in each exchange of their JSON. Only the
// passive rules run: the active ones send requests of their own, up to 5
// a hop, which would multiply what one visitor makes the server send.

// hopReport is one exchange of a chain as the inspector and the checker
// report it: what the engine recorded, and what the linter finds wrong
// with its response.
type hopReport struct {
	exchange.Exchange
	// Findings are about this hop (Hop is its index in the chain), worst
	// first; empty when there are none or no response arrived. The
	// chain's own findings (a loop, too many redirects) are on the hop
	// they name.
	Findings []lint.Finding `json:"findings"`
}

// lintedHops is the chain's exchanges with each hop's findings.
func lintedHops(chain *exchange.Chain) []hopReport {
	hops := make([]hopReport, len(chain.Exchanges))
	var linted []lint.Exchange
	var at []int // the chain index of each linted exchange
	for i := range chain.Exchanges {
		hops[i] = hopReport{Exchange: chain.Exchanges[i], Findings: []lint.Finding{}}
		if lx, ok := chain.Exchanges[i].Lint(); ok {
			linted = append(linted, lx)
			at = append(at, i)
		}
	}
	for _, f := range lint.CheckChain(linted) {
		if f.Hop < 0 || f.Hop >= len(at) {
			continue // not a hop of this chain: a bug of the linter's
		}
		f.Hop = at[f.Hop]
		hops[f.Hop].Findings = append(hops[f.Hop].Findings, f)
	}
	return hops
}

// absoluteLinks makes each finding's Link (a path on this site) a URL
// under base, for answers that name this server absolutely.
func absoluteLinks(hops []hopReport, base string) {
	for i := range hops {
		for j := range hops[i].Findings {
			if f := &hops[i].Findings[j]; strings.HasPrefix(f.Link, "/") {
				f.Link = base + f.Link
			}
		}
	}
}

// plainExchanges is the engine's record of each hop.
func plainExchanges(hops []hopReport) []exchange.Exchange {
	out := make([]exchange.Exchange, len(hops))
	for i := range hops {
		out[i] = hops[i].Exchange
	}
	return out
}

// tally counts findings by severity, worst first: "1 error, 2 warnings".
func tally(fs []lint.Finding) string {
	var parts []string
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		n := 0
		for _, f := range fs {
			if f.Severity == sev {
				n++
			}
		}
		if n == 0 {
			continue
		}
		word := sev.String()
		if n > 1 && sev != lint.Info {
			word += "s"
		}
		parts = append(parts, strconv.Itoa(n)+" "+word)
	}
	return strings.Join(parts, ", ")
}

// specTitle names a spec section for a link's text, "RFC 9110 §15.5.6",
// or else the host that has it.
func specTitle(spec string) string {
	u, err := url.Parse(spec)
	if err != nil || u.Host == "" {
		return "the specification"
	}
	name := strings.TrimSuffix(u.Path[strings.LastIndexByte(u.Path, '/')+1:], ".html")
	if u.Host == "www.rfc-editor.org" && strings.HasPrefix(name, "rfc") && len(name) > 3 && strings.Trim(name[3:], "0123456789") == "" {
		title := "RFC " + name[3:]
		if sec, ok := strings.CutPrefix(u.Fragment, "section-"); ok && sec != "" {
			title += " §" + sec
		}
		return title
	}
	return u.Host
}
