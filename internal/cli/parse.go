package cli

import (
	"strconv"
	"strings"
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
			return codeArg{}, usageErrorf("%s is not a status code: status codes have three digits; did you mean %s?", quoteClip(s), t)
		}
		return codeArg{}, usageErrorf("%s is not a status code: status codes have three digits (100-599)", quoteClip(s))
	}
	if (s[0] == '-' || s[0] == '+') && len(s) > 1 && allDigits(s[1:]) {
		if s[0] == '+' && len(s) == 4 {
			return codeArg{}, usageErrorf("%s is not a status code: write it without the sign; did you mean %s?", quoteClip(s), s[1:])
		}
		return codeArg{}, usageErrorf("%s is not a status code: status codes are positive three-digit numbers (100-599)", quoteClip(s))
	}
	if fixed := lookalikes.Replace(s); len(fixed) == 3 && allDigits(fixed) {
		return codeArg{}, usageErrorf("%s is not a number; did you mean %s?", quoteClip(s), fixed)
	}
	msg := quoteClip(s) + " is not a status code number"
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

// What an error message shows of the user's input is bounded twice: at
// most clipRunes characters of it, and at most maxQuoted bytes once it is
// printed (quoted and escaped, quotes and "..." included). Counting runes
// alone is not enough: %q prints an invalid byte as \xe5 and an unprintable
// rune as \u202e, four to ten bytes for one rune, and the argument can be
// printed twice in one message. A bound in bytes bounds the characters on
// the screen too, as no character takes less than a byte.
const (
	clipRunes = 40
	maxQuoted = 64
	ellipsis  = "..."
)

// clip shortens what the user typed for an error message, so that a huge
// argument cannot flood the terminal. The result is meant for %q (or
// [quoteClip]): it is s itself when its quoted form fits, and otherwise the
// longest prefix of s, cut between characters, of at most clipRunes
// characters and whose quoted form with "..." after it is at most
// maxQuoted bytes.
func clip(s string) string {
	n, whole := clipLen(s, 2, quotedWidth)
	if whole {
		return s
	}
	return s[:n] + ellipsis
}

// quoteClip quotes s as %q does, clipped so that the result is at most
// maxQuoted bytes: an ordinary short argument prints exactly as %q prints
// it, a long one as "the first characters..." with the cut between two
// escapes, never inside one.
func quoteClip(s string) string {
	return strconv.Quote(clip(s))
}

// clipLen measures how much of s an error message shows when every piece
// of s (a rune, or one byte of invalid UTF-8) is printed width(piece)
// bytes wide and the quoting around it takes overhead bytes. If all of s
// fits in clipRunes runes and maxQuoted bytes, it returns len(s), true.
// Otherwise it returns the length of the longest prefix that fits together
// with the ellipsis, and false. It reads at most clipRunes+1 pieces of s,
// so it costs the same for a 10 MB argument as for a 50-byte one.
func clipLen(s string, overhead int, width func(piece string) int) (n int, whole bool) {
	budget := maxQuoted - overhead
	cut, used := 0, 0
	for runes := 0; n < len(s); runes++ {
		_, size := utf8.DecodeRuneInString(s[n:])
		w := width(s[n : n+size])
		if runes == clipRunes || used+w > budget {
			return cut, false
		}
		n, used = n+size, used+w
		if used <= budget-len(ellipsis) {
			cut = n
		}
	}
	return n, true
}

// quotedWidth is how many bytes %q prints for one piece of a string,
// without the quotes: 1 for a, 2 for \n, 4 for \x01 or an invalid byte, 6
// or 10 for an unprintable rune, the UTF-8 length for a printable one.
func quotedWidth(piece string) int {
	var buf [16]byte // the longest escape is \U0010ffff: 10 bytes, 12 quoted
	return len(strconv.AppendQuote(buf[:0], piece)) - 2
}

// shellWidth is how many bytes a piece takes inside single quotes for a
// shell: four for a single quote (close the quotes, an escaped quote, open
// them again), the piece's length for anything else.
func shellWidth(piece string) int {
	if piece == "'" {
		return 4
	}
	return len(piece)
}

// quoteArg quotes a search query for a shell when it needs it, clipped like
// [quoteClip] so that it is at most maxQuoted bytes. A query with control,
// format or other unprintable characters, or with invalid UTF-8, is shown
// as %q shows it: printed raw, such characters would reach the terminal.
func quoteArg(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return !strconv.IsPrint(r) }) >= 0 || !utf8.ValidString(s) {
		return quoteClip(s)
	}
	if strings.ContainsAny(s, " \t'\"$`\\!*?;&|<>()") {
		n, whole := clipLen(s, 2, shellWidth)
		q := "'" + strings.ReplaceAll(s[:n], "'", `'\''`)
		if !whole {
			q += ellipsis
		}
		return q + "'"
	}
	// Counted as if quoted, so that it is cut where the quoted form is.
	n, whole := clipLen(s, 2, func(piece string) int { return len(piece) })
	if whole {
		return s
	}
	return s[:n] + ellipsis
}
