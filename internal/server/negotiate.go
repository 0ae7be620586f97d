package server

import (
	"strconv"
	"strings"
)

// negotiate picks the offer the Accept header ranks highest (RFC 9110
// §12.5.1): the most specific matching media range gives an offer its
// quality; the highest quality above 0 wins, earlier offers on ties. An
// empty Accept accepts the first offer; "" means nothing is acceptable.
func negotiate(accept string, offers []string) string {
	if strings.TrimSpace(accept) == "" {
		return offers[0]
	}
	ranges := parseAccept(accept)
	best, bestQ := "", 0.0
	for _, offer := range offers {
		q := qualityOf(offer, ranges)
		if q > bestQ {
			best, bestQ = offer, q
		}
	}
	return best
}

type mediaRange struct {
	typ, sub string
	q        float64
}

// parseAccept reads up to 64 media ranges; malformed ones are skipped, as
// a server may ignore what it cannot parse.
func parseAccept(accept string) []mediaRange {
	var out []mediaRange
	for i, part := range strings.Split(accept, ",") {
		if i == 64 {
			break
		}
		params := strings.Split(part, ";")
		typ, sub, ok := strings.Cut(strings.ToLower(strings.TrimSpace(params[0])), "/")
		if !ok || typ == "" || sub == "" || (typ == "*" && sub != "*") {
			continue
		}
		q := 1.0
		for _, p := range params[1:] {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				q = f
			}
		}
		out = append(out, mediaRange{typ, sub, q})
	}
	return out
}

// qualityOf returns the quality of the most specific range matching offer.
func qualityOf(offer string, ranges []mediaRange) float64 {
	typ, sub, _ := strings.Cut(offer, "/")
	q, specificity := 0.0, -1
	for _, r := range ranges {
		s := -1
		switch {
		case r.typ == typ && r.sub == sub:
			s = 2
		case r.typ == typ && r.sub == "*":
			s = 1
		case r.typ == "*" && r.sub == "*":
			s = 0
		}
		if s > specificity {
			q, specificity = r.q, s
		}
	}
	return q
}
