package httpstatus

import "encoding/json"

// groups lists the catalogue's data, registered codes by class and then the
// unofficial ones. The order matters: for a number with several meanings
// the first one met here is the one [Lookup] returns.
var groups = [][]Status{
	informationalCodes,
	successfulCodes,
	redirectionCodes,
	clientErrorCodes,
	serverErrorCodes,
	unofficialCodes,
}

// maxCode is the largest number the catalogue holds an entry for
// (LinkedIn's 999 lies outside the valid range but is in the catalogue).
const maxCode = 999

// primary maps a number to the entry Lookup returns for it; nil where the
// catalogue has no entry. It is filled once by link, before main runs.
var primary [maxCode + 1]*Status

// entryCount is the number of meanings in the catalogue.
var entryCount int

func init() { link() }

// extra lists the meanings that are not the primary one of their number
// (about a dozen), in catalogue order; filled by link.
var extra []*Status

// link fills the primary index, attaches library constants and gives every
// meaning of a shared number the others as Also. It walks the ~110 entries
// already in memory a couple of times and makes a few dozen small
// allocations: nothing is parsed at start-up.
func link() {
	for g := range groups {
		for i := range groups[g] {
			e := &groups[g][i]
			entryCount++
			switch {
			case e.Code < 0 || e.Code > maxCode:
			case primary[e.Code] == nil:
				primary[e.Code] = e
			default:
				extra = append(extra, e)
			}
		}
	}
	for _, row := range libraryConstants {
		if e := findMeaning(row.Code, row.Phrase); e != nil {
			e.Constants = row.Constants
		}
	}
	for i, e := range extra {
		if i > 0 && extra[i-1].Code == e.Code {
			continue // this number was linked with its first extra meaning
		}
		ms := meaningPointers(e.Code)
		plain := make([]Status, len(ms))
		for k, m := range ms {
			plain[k] = *m
		}
		for k, m := range ms {
			others := make([]Status, 0, len(plain)-1)
			others = append(others, plain[:k]...)
			m.Also = append(others, plain[k+1:]...)
		}
	}
}

// meaningPointers returns every entry for code, the primary one first.
func meaningPointers(code int) []*Status {
	if code < 0 || code > maxCode || primary[code] == nil {
		return nil
	}
	out := []*Status{primary[code]}
	for _, e := range extra {
		if e.Code == code {
			out = append(out, e)
		}
	}
	return out
}

// findMeaning returns the entry with this code and phrase, or nil.
func findMeaning(code int, phrase string) *Status {
	if code < 0 || code > maxCode || primary[code] == nil {
		return nil
	}
	if primary[code].Phrase == phrase {
		return primary[code]
	}
	for _, e := range extra {
		if e.Code == code && e.Phrase == phrase {
			return e
		}
	}
	return nil
}

// Lookup returns the catalogue's entry for code: the registered meaning
// when there is one, else the first unofficial one, with any other
// meanings of the number in Also. It reports false when the catalogue has
// no entry; use [Describe] to get an explanation for any number.
func Lookup(code int) (Status, bool) {
	if code < 0 || code > maxCode || primary[code] == nil {
		return Status{}, false
	}
	return *primary[code], true
}

// Text returns the IANA registry's reason phrase for code, such as
// "Content Too Large" for 413, or "" when code is not registered. It is a
// current replacement for [net/http.StatusText], which still prints older
// names. Unofficial codes return "": their names are vendors' inventions
// (use [Lookup] for them). For the reserved 306 and 418 it returns the
// registry's "(Unused)"; 418's "I'm a teapot" is in Lookup(418).Also.
func Text(code int) string {
	s, ok := Lookup(code)
	if !ok || s.Registry == Unofficial {
		return ""
	}
	return s.Phrase
}

// Meanings returns every meaning the catalogue has for code, the one
// Lookup returns first; nil when there is none.
func Meanings(code int) []Status {
	if code < 0 || code > maxCode || primary[code] == nil {
		return nil
	}
	if len(primary[code].Also) == 0 {
		return []Status{*primary[code]}
	}
	ps := meaningPointers(code)
	out := make([]Status, len(ps))
	for i, p := range ps {
		out[i] = *p
	}
	return out
}

// All returns every meaning in the catalogue, registered and unofficial,
// sorted by code with the registered meaning of a number first. Each
// element carries its Also like Lookup's result.
func All() []Status {
	out := make([]Status, 0, entryCount)
	for code := range primary {
		if primary[code] != nil {
			out = append(out, Meanings(code)...)
		}
	}
	return out
}

// Filter returns the meanings of All that keep reports true for.
func Filter(keep func(Status) bool) []Status {
	var out []Status
	for _, s := range All() {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}

// IsRegistered reports whether code is in the IANA registry (including the
// temporary, reserved and obsolete entries).
func IsRegistered(code int) bool {
	s, ok := Lookup(code)
	return ok && s.Registry != Unofficial
}

// MarshalJSON writes the entry in the catalogue's JSON shape, shared by
// the API and the CLI's --json. List fields are always arrays, never null,
// so that clients can iterate without checking.
func (s Status) MarshalJSON() ([]byte, error) {
	type plain Status // no methods: avoids recursion
	p := plain(s)
	p.Aliases = nonNil(p.Aliases)
	p.Causes = nonNil(p.Causes)
	p.Fixes = nonNil(p.Fixes)
	p.Related = nonNil(p.Related)
	p.Headers = nonNil(p.Headers)
	p.SentBy = nonNil(p.SentBy)
	p.Also = nonNil(p.Also)
	return json.Marshal(p)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
