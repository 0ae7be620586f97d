package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/httpstatus/httpstatus"
	"golang.org/x/term"
)

// checkSchemaVersion versions the JSON of 'httpstatus check'; it changes
// only when a field is removed or changes meaning.
const checkSchemaVersion = 1

// resultWriter prints results in one output format.
type resultWriter interface {
	result(r *checkResult) error
	end(s *checkSummary) error
}

// checkAll checks every target of src and prints the results and the
// summary; it fails with exit code 1 when a URL did not meet its
// expectation.
func checkAll(ctx context.Context, e *env, cfg checkConfig, src *inputSource) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	single := src.single()
	term := e.terminalFor(e.stdout)
	// Results go out through a buffer flushed at least every outputFlush
	// and at the end: streamed for whoever reads the pipe, without a
	// system call per line for 100,000 URLs.
	out := bufio.NewWriterSize(e.stdout, 32<<10)
	var w resultWriter
	switch cfg.format {
	case "json":
		w = &jsonWriter{w: out, cfg: cfg, codes: map[int]bool{}}
	case "jsonl":
		w = &jsonlWriter{w: out, cfg: cfg}
	case "csv":
		if cfg.command == "lint" {
			w = &lintCSVWriter{w: csv.NewWriter(out)}
			break
		}
		w = &csvWriter{w: csv.NewWriter(out), cfg: cfg}
	default:
		w = &textWriter{w: out, t: term, cfg: cfg, single: single}
	}
	sum := newCheckSummary(cfg)
	bar := newProgress(e, src, single)
	ticker := time.NewTicker(outputFlush)
	defer ticker.Stop()
	var werr error
	lastDraw := time.Now()
	onTick := func() {
		if err := out.Flush(); err != nil && werr == nil {
			werr = err
			cancel()
		}
		if bar != nil && time.Since(lastDraw) >= progressEvery {
			bar.draw()
			lastDraw = time.Now()
		}
	}
	emit := func(r *checkResult) {
		sum.add(r)
		if werr != nil {
			return
		}
		bar.clear()
		if werr = w.result(r); werr != nil {
			cancel()
		}
		if bar != nil && werr == nil {
			// The bar shares the terminal: the result must be out before
			// the bar is drawn again under it.
			if werr = out.Flush(); werr != nil {
				cancel()
			}
		}
		bar.step()
	}
	newChecker(cfg).run(ctx, src, emit, bar.setTotal, ticker.C, onTick)
	bar.clear()
	sum.elapsed = time.Since(sum.start)
	if werr == nil {
		werr = w.end(sum)
	}
	if err := out.Flush(); err != nil && werr == nil {
		werr = err
	}
	if cfg.format != "text" {
		sum.writeText(e.stderr, e.terminalFor(e.stderr))
	}
	switch {
	case werr != nil:
		return &exitError{code: exitNoHit, msg: "writing the results: " + werr.Error()}
	case ctx.Err() != nil:
		return &exitError{code: exitNoHit, msg: "interrupted: " + strconv.Itoa(sum.urls) + " URLs checked"}
	case sum.unmet > 0:
		return &exitError{code: exitNoHit, silent: true}
	}
	return nil
}

// How often buffered results are flushed, and the progress bar redrawn.
const (
	outputFlush   = 100 * time.Millisecond
	progressEvery = 250 * time.Millisecond
)

// durationText shows a measured time to the microsecond: "0.412 ms",
// "1.234 s" from a second on.
func durationText(ms float64) string {
	if ms >= 1000 {
		return fmt.Sprintf("%.3f s", ms/1000)
	}
	return fmt.Sprintf("%.3f ms", ms)
}

// showMS renders every time the text output shows; the golden tests
// replace it so that their files do not depend on the machine's speed.
var showMS = durationText

// phraseOf is the catalogue's phrase for a status: "no answer" for 0.
func phraseOf(code int) string {
	if code == 0 {
		return "no answer"
	}
	if s, ok := httpstatus.Lookup(code); ok { // allocation-free for every catalogued code
		return s.Phrase
	}
	if s, err := httpstatus.Describe(code); err == nil {
		return s.Phrase
	}
	return "not a status code"
}

// meaningOf is the catalogue's one-line meaning of a status.
func meaningOf(code int) string {
	s, err := httpstatus.Describe(code)
	var notCode *httpstatus.NotStatusCodeError
	if errors.As(err, &notCode) {
		return notCode.Reason + "."
	}
	return s.Summary
}

// statusText is a status as three digits: 000 for no answer.
func statusText(code int) string { return fmt.Sprintf("%03d", code) }

func (t terminal) status(code int, s string) string {
	if code == 0 {
		return t.style(s, ansiBold+"\x1b[31m")
	}
	class, _ := httpstatus.ClassOf(code)
	return t.style(s, ansiBold+t.classColor(class))
}

// progress draws done/total, rate and ETA on stderr while a bulk check
// runs, when stderr is a terminal. A nil *progress draws nothing.
type progress struct {
	w     io.Writer
	width int
	start time.Time
	done  int
	total int // -1 while unknown
	last  time.Time
	shown bool
}

// newProgress is a progress bar for a bulk check when stderr is a
// terminal, else nil. The total is known up front for arguments and a
// regular file (counted first), and only at the end for standard input.
func newProgress(e *env, src *inputSource, single bool) *progress {
	if single || !isTerminal(e.stderr) {
		return nil
	}
	p := &progress{w: e.stderr, width: e.terminalFor(e.stderr).width, start: time.Now(), total: -1}
	stdin := slices.ContainsFunc(src.args, func(t target) bool { return t.url == nil && t.input == "-" })
	if !stdin {
		switch f := src.file.(type) {
		case nil:
			p.total = len(src.args)
		case *os.File:
			if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
				p.total = len(src.args) + countTargets(f)
				if _, err := f.Seek(0, io.SeekStart); err != nil {
					p.total = -1
				}
			}
		}
	}
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(fder)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (p *progress) setTotal(n int) {
	if p != nil {
		p.total = n
	}
}

func (p *progress) step() {
	if p == nil {
		return
	}
	p.done++
	if time.Since(p.last) >= 100*time.Millisecond {
		p.draw()
	}
}

func (p *progress) draw() {
	if p == nil {
		return
	}
	p.last = time.Now()
	elapsed := time.Since(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.done) / elapsed
	}
	var line string
	if p.total > 0 {
		frac := min(float64(p.done)/float64(p.total), 1)
		eta := "?"
		if rate > 0 {
			eta = time.Duration(float64(time.Second) * float64(p.total-p.done) / rate).Round(time.Second).String()
		}
		stats := fmt.Sprintf(" %d/%d %3.0f%%  %.0f/s  ETA %s", p.done, p.total, frac*100, rate, eta)
		barWidth := max(p.width-utf8.RuneCountInString(stats)-3, 10)
		full := int(frac * float64(barWidth))
		line = "[" + strings.Repeat("█", full) + strings.Repeat("░", barWidth-full) + "]" + stats
	} else {
		line = fmt.Sprintf("%d checked  %.0f/s", p.done, rate)
	}
	fmt.Fprint(p.w, "\r"+line+"\x1b[K")
	p.shown = true
}

func (p *progress) clear() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
