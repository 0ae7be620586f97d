package httpstatus

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Match is one result of [Search]: an entry, how well it matched and in
// which field its best match was.
type Match struct {
	Status Status `json:"status"`
	// Score orders the results; higher is better. Only the order is
	// meaningful, not the values.
	Score int `json:"score"`
	// Field names where the strongest match was: "code", "class",
	// "phrase", "alias", "summary", "vendor" or "text" (description,
	// causes and fixes).
	Field string `json:"field"`
}

// Field weights. An exact code beats an exact phrase beats an exact alias;
// then whole-query phrases inside a field; then single words.
const (
	scoreCode         = 10000
	scorePhraseExact  = 5000
	scoreAliasExact   = 4000
	scoreCodePrefix   = 1500
	scoreClass        = 1000
	scorePhraseHasAll = 800
	scoreAliasHasAll  = 600
	scoreSummaryHas   = 400
	scoreTextHas      = 120
)

// Per-word weights by field, for a query word found as a whole word.
// A prefix match ("redirect" in "redirected") counts half.
var wordWeights = [...]int{fieldPhrase: 60, fieldAlias: 45, fieldVendor: 30, fieldSummary: 25, fieldText: 8}

const (
	fieldPhrase = iota
	fieldAlias
	fieldVendor
	fieldSummary
	fieldText
	fieldCount
)

var fieldNames = [...]string{fieldPhrase: "phrase", fieldAlias: "alias", fieldVendor: "vendor", fieldSummary: "summary", fieldText: "text"}

// searchEntry is an entry prepared for matching: the normalized text of
// each field (words separated by single spaces, padded with spaces so that
// " word " finds whole words).
type searchEntry struct {
	status *Status
	code   string // the code as text, for code-prefix queries
	phrase string
	alias  []string
	fields [fieldCount]string
}

// posting says which fields of an entry contain a word.
type posting struct {
	entry  int
	fields uint8 // bit per field
}

type searchIndex struct {
	entries []searchEntry
	words   map[string][]posting
	sorted  []string // the keys of words, sorted, for prefix look-ups
}

var (
	indexOnce sync.Once
	index     *searchIndex
)

// isStopWord reports whether w is dropped from queries: words that occur
// everywhere and that people add to questions ("what is http status
// 404"). A switch rather than a map, so that nothing is built at start-up.
func isStopWord(w string) bool {
	switch w {
	case "a", "an", "the", "of", "to", "is", "in", "for", "and", "or", "on", "my", "it", "with",
		"what", "why", "does", "do", "mean", "means", "http", "status", "code", "response", "i", "get":
		return true
	}
	return false
}

// normalize lower-cases s and turns every run of non-alphanumerics into a
// single space; apostrophes vanish so that "I'm" becomes "im".
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

func buildIndex() *searchIndex {
	all := All()
	idx := &searchIndex{entries: make([]searchEntry, len(all)), words: make(map[string][]posting)}
	for i := range all {
		s := &all[i]
		e := &idx.entries[i]
		e.status = s
		e.code = strconv.Itoa(s.Code)
		e.phrase = normalize(s.Phrase)
		aliases := make([]string, 0, len(s.Aliases))
		for _, a := range s.Aliases {
			e.alias = append(e.alias, normalize(a))
			aliases = append(aliases, a)
		}
		var text strings.Builder
		text.WriteString(s.Description)
		for _, a := range s.Causes {
			text.WriteString(" ")
			text.WriteString(a.Text)
		}
		for _, a := range s.Fixes {
			text.WriteString(" ")
			text.WriteString(a.Text)
		}
		e.fields = [fieldCount]string{
			fieldPhrase:  e.phrase,
			fieldAlias:   normalize(strings.Join(aliases, " | ")),
			fieldVendor:  normalize(s.Vendor),
			fieldSummary: normalize(s.Summary),
			fieldText:    normalize(text.String()),
		}
		for f, t := range e.fields {
			for _, w := range strings.Fields(t) {
				ps := idx.words[w]
				if n := len(ps); n > 0 && ps[n-1].entry == i {
					ps[n-1].fields |= 1 << f
				} else {
					ps = append(ps, posting{entry: i, fields: 1 << f})
				}
				idx.words[w] = ps
			}
		}
	}
	idx.sorted = make([]string, 0, len(idx.words))
	for w := range idx.words {
		idx.sorted = append(idx.sorted, w)
	}
	sort.Strings(idx.sorted)
	return idx
}

// Search finds catalogue entries for a free-text query and returns them
// best first. It ranks an exact code first ("404"), then an exact phrase
// ("not found"), then an exact alias ("payload too large" finds 413), then
// entries whose phrase, summary or text contain the whole query ("rate
// limit" finds 429) and finally entries that contain some of its words.
// A class ("4xx") or a code prefix ("50") lists the codes it covers.
// An empty query, or one of only common words, returns nil.
//
// The first call builds an in-memory word index (well under a
// millisecond); later calls only read it and are safe for concurrent use.
func Search(query string) []Match {
	indexOnce.Do(func() { index = buildIndex() })
	return index.search(query)
}

type candidate struct {
	score int
	field string
	best  int // score of the strongest single signal, to name the field
}

func (c *candidate) add(score int, field string) {
	c.score += score
	if score > c.best {
		c.best, c.field = score, field
	}
}

func (idx *searchIndex) search(query string) []Match {
	norm := normalize(query)
	var words []string
	for _, w := range strings.Fields(norm) {
		if !isStopWord(w) {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil
	}
	content := " " + strings.Join(words, " ") + " "
	cands := make([]candidate, len(idx.entries))

	for _, w := range words {
		if isClassWord(w) {
			idx.scoreNumber(w, cands) // "5xx" means the class, not the word in prose
			continue
		}
		idx.scoreNumber(w, cands)
		idx.scoreWord(w, cands)
	}
	// matchedWords counts, per entry, how many query words it contains;
	// seen marks the entries already counted for the current word.
	matchedWords := make([]int, len(idx.entries))
	seen := make([]int, len(idx.entries))
	for wi, w := range words {
		if isClassWord(w) {
			continue
		}
		idx.eachPosting(w, func(p posting) {
			if seen[p.entry] != wi+1 {
				seen[p.entry] = wi + 1
				matchedWords[p.entry]++
			}
		})
	}
	for i := range idx.entries {
		e := &idx.entries[i]
		c := &cands[i]
		if c.score == 0 {
			continue
		}
		switch {
		case e.phrase == content:
			c.add(scorePhraseExact, "phrase")
		case containsAll(e.phrase, words):
			// The more of the phrase the query covers, the better the
			// match: "timeout" fits Request Timeout better than
			// Network Connect Timeout Error.
			c.add(scorePhraseHasAll+200*len(words)/max(len(strings.Fields(e.phrase)), 1), "phrase")
		}
		for _, a := range e.alias {
			if a == content {
				c.add(scoreAliasExact, "alias")
				break
			}
			if containsAll(a, words) {
				c.add(scoreAliasHasAll, "alias")
				break
			}
		}
		if len(words) > 1 && matchedWords[i] == len(words) {
			// The query as a run of words, the last one possibly a prefix
			// ("rate limit" in "rate limited").
			run := strings.TrimSuffix(content, " ")
			if strings.Contains(e.fields[fieldSummary], run) {
				c.add(scoreSummaryHas, "summary")
			} else if strings.Contains(e.fields[fieldText], run) {
				c.add(scoreTextHas, "text")
			}
		}
		// Entries that match every word of the query beat those that
		// match some, whatever the fields.
		c.score += 100 * matchedWords[i] / len(words)
		switch {
		case e.status.Registry != Unofficial:
			c.score += 5 // a registered meaning wins a tie
		case c.field != "code" && c.field != "phrase" && c.field != "alias" && c.field != "vendor":
			// A vendor code that only mentions the words in its prose
			// ranks below registered codes that do the same.
			c.score = c.score * 3 / 4
		}
	}

	// Sort the indices of the hits, not the Matches: a Match holds a whole
	// Status, too big to swap around.
	var hits []int
	for i, c := range cands {
		if c.best > 0 {
			hits = append(hits, i)
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		ca, cb := &cands[hits[a]], &cands[hits[b]]
		if ca.score != cb.score {
			return ca.score > cb.score
		}
		return idx.entries[hits[a]].status.Code < idx.entries[hits[b]].status.Code
	})
	if len(hits) == 0 {
		return nil
	}
	out := make([]Match, len(hits))
	for k, i := range hits {
		out[k] = Match{Status: *idx.entries[i].status, Score: cands[i].score, Field: cands[i].field}
	}
	return out
}

// isClassWord reports whether w is written like a class: "4xx".
func isClassWord(w string) bool {
	return len(w) == 3 && w[0] >= '0' && w[0] <= '9' && w[1] == 'x' && w[2] == 'x'
}

// scoreNumber handles query words that are codes, code prefixes or classes.
func (idx *searchIndex) scoreNumber(w string, cands []candidate) {
	if isClassWord(w) {
		if class, ok := ParseClass(w); ok {
			for i := range idx.entries {
				if idx.entries[i].status.Class == class {
					cands[i].add(scoreClass, "class")
				}
			}
		}
		return
	}
	n, err := strconv.Atoi(w)
	if err != nil || len(w) > 3 {
		return
	}
	for i := range idx.entries {
		e := &idx.entries[i]
		code := e.code
		switch {
		case e.status.Code == n && len(w) == 3:
			cands[i].add(scoreCode, "code")
		case len(w) < 3 && strings.HasPrefix(code, w):
			cands[i].add(scoreCodePrefix, "code")
		}
	}
}

// scoreWord adds the per-field weights of one query word.
func (idx *searchIndex) scoreWord(w string, cands []candidate) {
	for _, p := range idx.words[w] {
		for f := 0; f < fieldCount; f++ {
			if p.fields&(1<<f) != 0 {
				cands[p.entry].add(wordWeights[f], fieldNames[f])
			}
		}
	}
	if len(w) < 3 {
		return
	}
	i := sort.SearchStrings(idx.sorted, w)
	for ; i < len(idx.sorted) && strings.HasPrefix(idx.sorted[i], w); i++ {
		if idx.sorted[i] == w {
			continue
		}
		for _, p := range idx.words[idx.sorted[i]] {
			for f := 0; f < fieldCount; f++ {
				if p.fields&(1<<f) != 0 {
					cands[p.entry].add(wordWeights[f]/2, fieldNames[f])
				}
			}
		}
	}
}

// eachPosting calls f with the postings of w and, for words of three
// letters or more, of every longer word it is a prefix of.
func (idx *searchIndex) eachPosting(w string, f func(posting)) {
	for _, p := range idx.words[w] {
		f(p)
	}
	if len(w) < 3 {
		return
	}
	i := sort.SearchStrings(idx.sorted, w)
	for ; i < len(idx.sorted) && strings.HasPrefix(idx.sorted[i], w); i++ {
		if idx.sorted[i] != w {
			for _, p := range idx.words[idx.sorted[i]] {
				f(p)
			}
		}
	}
}

// containsAll reports whether the padded text holds every word, each as a
// whole word or as the start of one.
func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, " "+w) {
			return false
		}
	}
	return true
}
