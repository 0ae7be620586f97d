package cli

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/httpstatus/httpstatus"
)

// codeArg is what a command-line argument turned out to be: a number to
// describe, or a class such as 4xx.
type codeArg struct {
	code    int
	class   httpstatus.Class
	isClass bool
}

// lookalikes maps letters people type for digits ("4O4", "5OO", "l0l").
var lookalikes = strings.NewReplacer("O", "0", "o", "0", "l", "1", "I", "1", "i", "1", "|", "1")

// parseCodeArg reads one argument of 'httpstatus CODE'. It accepts a
// number of up to three digits (leading zeros and all: 000 is what curl
// prints for "no response") and a class (4xx). Anything else is a usage
// error whose message says what is wrong and, where it can tell, what the
// user probably meant.
func parseCodeArg(arg string) (codeArg, error) {
	s := strings.TrimSpace(arg)
	if s == "" {
		return codeArg{}, usageErrorf("empty status code: give a number such as 404")
	}
	if class, ok := httpstatus.ParseClass(s); ok && len(s) == 3 {
		return codeArg{class: class, isClass: true}, nil
	}
	if allDigits(s) {
		if len(s) <= 3 {
			n, _ := strconv.Atoi(s)
			return codeArg{code: n}, nil
		}
		if t := strings.TrimLeft(s, "0"); len(t) == 3 {
			return codeArg{}, usageErrorf("%q is not a status code: status codes have three digits; did you mean %s?", s, t)
		}
		return codeArg{}, usageErrorf("%q is not a status code: status codes have three digits (100-599)", clip(s))
	}
	if (s[0] == '-' || s[0] == '+') && len(s) > 1 && allDigits(s[1:]) {
		if s[0] == '+' && len(s) == 4 {
			return codeArg{}, usageErrorf("%q is not a status code: write it without the sign; did you mean %s?", s, s[1:])
		}
		return codeArg{}, usageErrorf("%q is not a status code: status codes are positive three-digit numbers (100-599)", clip(s))
	}
	if fixed := lookalikes.Replace(s); len(fixed) == 3 && allDigits(fixed) {
		return codeArg{}, usageErrorf("%q is not a number; did you mean %s?", s, fixed)
	}
	msg := fmt.Sprintf("%q is not a status code number", clip(s))
	if m := httpstatus.Search(s); len(m) > 0 && m[0].Field != "text" {
		best := m[0].Status
		return codeArg{}, usageErrorf("%s; did you mean %d (%s)? 'httpstatus search %s' lists every match", msg, best.Code, best.Phrase, quoteArg(s))
	}
	return codeArg{}, usageErrorf("%s; to search the catalogue by words use 'httpstatus search %s'", msg, quoteArg(s))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// clip shortens what the user typed for an error message, so that a huge
// argument cannot flood the terminal.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max]) + "..."
}

// quoteArg quotes a search query for a shell when it needs it.
func quoteArg(s string) string {
	s = clip(s)
	if strings.IndexFunc(s, unicode.IsControl) >= 0 || !utf8.ValidString(s) {
		return strconv.Quote(s)
	}
	if strings.ContainsAny(s, " \t'\"$`\\!*?;&|<>()") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}
