// Package cli is the httpstatus command line. Everything the process
// touches (arguments, streams, environment) is passed to [Main], so the
// whole command is testable without a terminal or os.* globals.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes of the httpstatus command.
const (
	exitOK    = 0 // an entry, or a valid but unassigned number, was explained
	exitNoHit = 1 // not a status code, or nothing matched
	exitUsage = 2 // the command line itself was wrong
)

// Version is the version --version prints. Release builds set it with
// -ldflags "-X github.com/httpstatus/httpstatus/internal/cli.Version=v1.2.3";
// otherwise it comes from the module's build information.
var Version = ""

// exitError carries an exit code through cobra, which only knows errors.
// A usage error's message is printed as one line on stderr; a silent one
// has already said what it had to.
type exitError struct {
	code   int
	msg    string
	silent bool
	// command names the subcommand in the line printed, "httpstatus
	// lint: ...", for the commands that say so.
	command string
}

func (e *exitError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, a...)}
}

// env is what a command needs from the process, passed down from Main.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// color is --color: auto, always or never.
	color string
}

// Main runs the httpstatus command with args (without the program name)
// and returns the process exit code: 0 on success, 1 when the answer is
// "not a status code" or "nothing matched", 2 for a usage error.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	root := newRootCommand(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if !ee.silent {
			prefix := "httpstatus"
			if ee.command != "" {
				prefix += " " + ee.command
			}
			fmt.Fprintln(stderr, prefix+": "+ee.msg)
		}
		return ee.code
	}
	// Everything cobra itself rejects (unknown flag, unknown command,
	// wrong number of arguments) is a usage error.
	fmt.Fprintln(stderr, "httpstatus: "+firstLine(err.Error())+" (see 'httpstatus --help')")
	return exitUsage
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func newRootCommand(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "httpstatus [CODE...]",
		Short: "Every HTTP status code explained: meaning, causes, fixes, headers, specs",
		Long: "httpstatus explains HTTP status codes: every code in the IANA registry and the\n" +
			"well-known unofficial ones (nginx, Cloudflare, AWS, IIS, ...), with why you are\n" +
			"seeing it, how to fix it, related codes, headers, caching and retry rules, the\n" +
			"spec section and the constant names in popular languages.\n\n" +
			"'httpstatus CODE' is short for 'httpstatus explain CODE'.",
		Example: "  httpstatus 404\n" +
			"  httpstatus 499 --json\n" +
			"  httpstatus search rate limit\n" +
			"  httpstatus list 4xx --unofficial\n" +
			"  httpstatus export --format markdown > codes.md",
		Version:           version(),
		Args:              cobra.ArbitraryArgs,
		SilenceUsage:      true,
		SilenceErrors:     true,
		ValidArgsFunction: completeCodes,
	}
	opts := &explainOptions{}
	root.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return cmd.Help()
		}
		return runExplain(e, opts, args)
	}
	opts.register(root)
	root.PersistentFlags().StringVar(&e.color, "color", "auto", "colour output: auto (when stdout is a terminal and NO_COLOR is unset), always or never")
	_ = root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		switch e.color {
		case "auto", "always", "never":
			return nil
		}
		return usageErrorf("--color must be auto, always or never, not %q", clip(e.color))
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		// pflag reads "-1" as a flag; answer it as the bad code it is.
		if _, tok, ok := strings.Cut(err.Error(), "' in "); ok && strings.HasPrefix(err.Error(), "unknown shorthand flag") {
			if _, perr := parseCodeArg(tok); perr != nil && allDigits(strings.TrimPrefix(tok, "-")) {
				return perr
			}
		}
		return usageErrorf("%s (see '%s --help')", err, cmd.CommandPath())
	})
	root.SetVersionTemplate("httpstatus {{.Version}}\n")
	root.AddCommand(newExplainCommand(e), newSearchCommand(e), newListCommand(e), newExportCommand(e), newServeCommand(e), newCheckCommand(e), newLintCommand(e))
	return root
}

// version returns Version, or the module version the binary was built
// from ("(devel)" for a build from a work tree).
func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
