package cli

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/httpstatus/httpstatus"
	"golang.org/x/term"
)

// terminal describes where text output goes: its width and whether to
// use colour.
type terminal struct {
	width int
	color bool
}

// defaultWidth is used when stdout is not a terminal and COLUMNS is unset.
const defaultWidth = 80

// fder is what *os.File offers; Main receives plain writers and only
// asks the ones that are files whether they are terminals.
type fder interface{ Fd() uintptr }

// terminalFor works out width and colour for w: colour when w is a
// terminal (or --color=always), never when NO_COLOR is set (unless
// --color=always) or w is a pipe or file; width from the terminal, else
// $COLUMNS, else 80.
func (e *env) terminalFor(w io.Writer) terminal {
	t := terminal{width: defaultWidth}
	isTTY := false
	if f, ok := w.(fder); ok {
		fd := int(f.Fd())
		if term.IsTerminal(fd) {
			isTTY = true
			if width, _, err := term.GetSize(fd); err == nil && width > 0 {
				t.width = width
			}
		}
	}
	if !isTTY {
		if n, err := strconv.Atoi(e.getenv("COLUMNS")); err == nil && n > 0 {
			t.width = n
		}
	}
	switch e.color {
	case "always":
		t.color = true
	case "never":
		t.color = false
	default:
		t.color = isTTY && e.getenv("NO_COLOR") == "" && e.getenv("TERM") != "dumb"
	}
	t.width = min(max(t.width, 40), 120)
	return t
}

// ANSI styles.
const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
)

// classColors are the colours of the classes: blue, green, cyan, yellow,
// red; magenta for the out-of-range unofficial codes.
var classColors = map[httpstatus.Class]string{
	httpstatus.Informational: "\x1b[34m",
	httpstatus.Successful:    "\x1b[32m",
	httpstatus.Redirection:   "\x1b[36m",
	httpstatus.ClientError:   "\x1b[33m",
	httpstatus.ServerError:   "\x1b[31m",
}

func (t terminal) style(s, codes string) string {
	if !t.color || codes == "" {
		return s
	}
	return codes + s + ansiReset
}

func (t terminal) bold(s string) string { return t.style(s, ansiBold) }
func (t terminal) dim(s string) string  { return t.style(s, ansiDim) }

func (t terminal) classColor(c httpstatus.Class) string {
	if col, ok := classColors[c]; ok {
		return col
	}
	return "\x1b[35m"
}

// wrap breaks text into lines of at most width runes, each prefixed by
// indent (the first by first). Words longer than a line stay whole.
func wrap(text string, width int, first, indent string) string {
	var b strings.Builder
	line := first
	lineLen := utf8.RuneCountInString(first)
	empty := true
	for _, word := range strings.Fields(text) {
		wl := utf8.RuneCountInString(word)
		if !empty && lineLen+1+wl > width {
			b.WriteString(line)
			b.WriteByte('\n')
			line, lineLen, empty = indent, utf8.RuneCountInString(indent), true
		}
		if !empty {
			line += " "
			lineLen++
		}
		line += word
		lineLen += wl
		empty = false
	}
	b.WriteString(line)
	b.WriteByte('\n')
	return b.String()
}

// truncate cuts s to at most n runes, ending in "…" when it was cut.
func truncate(s string, n int) string {
	if n <= 1 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
