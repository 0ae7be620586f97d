package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/export"
	"github.com/spf13/cobra"
)

type searchOptions struct {
	json  bool
	limit int
}

// searchResult is one line of 'search --json': the list fields plus how
// the code matched.
type searchResult struct {
	export.Row
	Matched string `json:"matched"`
	Score   int    `json:"score"`
}

func newSearchCommand(e *env) *cobra.Command {
	opts := &searchOptions{}
	cmd := &cobra.Command{
		Use:   "search WORDS...",
		Short: "Find codes by number, phrase, old name or words in their explanation",
		Long: "search ranks the catalogue against the words given: an exact code first, then\n" +
			"an exact phrase, an older name (\"payload too large\" finds 413), then codes whose\n" +
			"summary or explanation contain the words. A class (4xx) or a code prefix (50)\n" +
			"lists the codes it covers. Exits 1 when nothing matches.",
		Example: "  httpstatus search rate limit\n" +
			"  httpstatus search payload too large\n" +
			"  httpstatus search timeout --limit 5\n" +
			"  httpstatus search cloudflare --json",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSearch(e, opts, strings.Join(args, " "))
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the matches as JSON")
	cmd.Flags().IntVarP(&opts.limit, "limit", "n", 10, "show at most this many matches (0 for all)")
	return cmd
}

func runSearch(e *env, opts *searchOptions, query string) error {
	if opts.limit < 0 {
		return usageErrorf("--limit must be 0 (all) or more, not %d", opts.limit)
	}
	if strings.TrimSpace(query) == "" {
		return usageErrorf("empty search: give words such as 'rate limit' or a code such as 404")
	}
	matches := httpstatus.Search(query)
	if len(matches) == 0 {
		if opts.json {
			if err := writeJSON(e.stdout, []searchResult{}); err != nil {
				return err
			}
		}
		return &exitError{code: exitNoHit, msg: fmt.Sprintf("no code matches %q", clip(query))}
	}
	shown := matches
	if opts.limit > 0 && len(shown) > opts.limit {
		shown = shown[:opts.limit]
	}
	if opts.json {
		out := make([]searchResult, len(shown))
		for i, m := range shown {
			s := m.Status
			out[i] = searchResult{export.RowOf(s), m.Field, m.Score}
		}
		return writeJSON(e.stdout, out)
	}
	t := e.terminalFor(e.stdout)
	for _, m := range shown {
		fmt.Fprintln(e.stdout, searchLine(t, m.Status))
	}
	if rest := len(matches) - len(shown); rest > 0 {
		fmt.Fprintln(e.stderr, t.dim(fmt.Sprintf("(%d more; --limit 0 shows all)", rest)))
	}
	return nil
}

// searchLine is "429  Too Many Requests  The client sent ..." cut to the
// terminal's width.
func searchLine(t terminal, s httpstatus.Status) string {
	head := listLine(t, s)
	visible := len(strconv.Itoa(s.Code)) + 2 + len([]rune(listLabel(s)))
	room := t.width - visible - 2
	if room < 20 {
		return head
	}
	return head + "  " + t.dim(truncate(s.Summary, room))
}
