package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/httpstatus/httpstatus/internal/server"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// envPrefix prefixes the environment variable of every serve flag:
// --max-delay is HTTPSTATUS_MAX_DELAY. A flag on the command line wins.
const envPrefix = "HTTPSTATUS_"

type serveOptions struct {
	addr            string
	maxDelay        time.Duration
	maxBody         byteSize
	maxURI          byteSize
	maxHeaderBytes  byteSize
	redirectHosts   []string
	rateLimit       float64
	rateBurst       int
	trustProxy      bool
	maxSleepers     int
	maxWebSockets   int
	maxConnections  int
	maxConnsPerIP   int
	publicURL       string
	check           string
	checkPrivate    bool
	checkRate       float64
	logFormat       string
	logLevel        string
	logRequests     bool
	shutdownTimeout time.Duration
}

func newServeCommand(e *env) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the test service: any status code, answered the way a correct server would",
		Long: "serve starts the HTTP service on --addr. It needs no database or other service.\n\n" +
			"Every flag can also be set with an environment variable: HTTPSTATUS_ and the flag\n" +
			"name in capitals with underscores (--max-delay is HTTPSTATUS_MAX_DELAY,\n" +
			"--allow-redirect-host takes a comma list in HTTPSTATUS_ALLOW_REDIRECT_HOST).\n" +
			"A flag given on the command line wins over the environment.\n\n" +
			"SIGINT or SIGTERM stops accepting connections and lets requests in flight\n" +
			"finish (up to --shutdown-timeout).",
		Example: "  httpstatus serve\n" +
			"  httpstatus serve --addr :8080 --rate-limit 20 --trust-proxy\n" +
			"  HTTPSTATUS_ADDR=0.0.0.0:9000 httpstatus serve --log-format json --log-requests\n" +
			"  curl -i localhost:8080/status/418",
		Args: cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, args []string) error {
			return applyEnv(cmd.Flags(), e.getenv)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), e, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; :8080 for every interface)")
	f.DurationVar(&o.maxDelay, "max-delay", 10*time.Second, "longest sleep=, /delay or dribble a request may ask for; more is a 400")
	o.maxBody, o.maxURI, o.maxHeaderBytes = 1<<20, 200<<10, 16<<10
	f.Var(&o.maxBody, "max-body", "largest request body accepted (bytes; KiB and MiB suffixes allowed); more is a 413")
	f.Var(&o.maxURI, "max-uri", "longest request target accepted (bytes); more is a 414")
	f.Var(&o.maxHeaderBytes, "max-header-bytes", "largest request header section accepted (bytes); more is a 431")
	f.StringSliceVar(&o.redirectHosts, "allow-redirect-host", nil, "host that location= and /redirect-to may send clients to (repeatable); relative URLs are always allowed")
	f.Float64Var(&o.rateLimit, "rate-limit", 0, "requests per second per client IP, answered with 429 beyond it; 0 turns limiting off")
	f.IntVar(&o.rateBurst, "rate-burst", 0, "token bucket size for --rate-limit (default twice the rate)")
	f.BoolVar(&o.trustProxy, "trust-proxy", false, "take the client IP from Forwarded / X-Forwarded-For (only behind a proxy that sets them)")
	f.IntVar(&o.maxSleepers, "max-sleepers", 1000, "requests allowed to sleep or dribble at once; more get 503 with Retry-After")
	f.IntVar(&o.maxWebSockets, "max-websockets", 500, "WebSocket sessions (/status/101) open at once; more get 503 with Retry-After")
	f.IntVar(&o.maxConnections, "max-connections", 10000, "connections held at once (lowered to fit the open-file limit); at the limit idle ones are closed, and if none is idle new ones get 503")
	f.IntVar(&o.maxConnsPerIP, "max-conns-per-ip", 1000, "connections one client IP may hold (0: no limit; off with --trust-proxy); at the limit its idle ones are closed, else 503")
	f.StringVar(&o.check, "check", "on", "the URL checker (/check, /api/v1/check): on or off")
	f.BoolVar(&o.checkPrivate, "check-private", false, "let the URL checker reach loopback, private and link-local addresses (for a server on your own machine only)")
	f.Float64Var(&o.checkRate, "check-rate", 10, "URL checks per minute one client IP may run (burst 5); more get 429")
	f.StringVar(&o.publicURL, "public-url", "", "scheme://host[:port] clients reach the service by (set it on a public deployment): absolute Locations and URLs use it instead of the Host header")
	f.StringVar(&o.logFormat, "log-format", "text", "log format: text or json")
	f.StringVar(&o.logLevel, "log-level", "info", "log level: debug, info, warn or error")
	f.BoolVar(&o.logRequests, "log-requests", false, "log one line per request (off by default)")
	f.DurationVar(&o.shutdownTimeout, "shutdown-timeout", 15*time.Second, "how long a shutdown waits for requests in flight")
	_ = cmd.RegisterFlagCompletionFunc("log-format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("log-level", cobra.FixedCompletions([]string{"debug", "info", "warn", "error"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// envName is the environment variable of a flag.
func envName(flag string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// applyEnv sets every flag not given on the command line from its
// environment variable, and reports a bad value as a usage error that
// names the variable.
func applyEnv(flags *pflag.FlagSet, getenv func(string) string) error {
	var err error
	flags.VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || f.Name == "help" {
			return
		}
		name := envName(f.Name)
		v := getenv(name)
		if v == "" {
			return
		}
		if serr := f.Value.Set(v); serr != nil {
			err = usageErrorf("%s=%q: %v", name, clip(v), serr)
		}
	})
	return err
}

func (o *serveOptions) validate() error {
	switch {
	case o.maxDelay <= 0:
		return usageErrorf("--max-delay must be positive, not %v", o.maxDelay)
	case o.maxBody <= 0 || o.maxURI <= 0 || o.maxHeaderBytes <= 0:
		return usageErrorf("--max-body, --max-uri and --max-header-bytes must be positive")
	case o.rateLimit < 0 || o.rateLimit != o.rateLimit:
		return usageErrorf("--rate-limit must be 0 (off) or a positive number, not %v", o.rateLimit)
	case o.rateBurst < 0:
		return usageErrorf("--rate-burst must be 0 (twice the rate) or more, not %d", o.rateBurst)
	case o.maxSleepers < 1:
		return usageErrorf("--max-sleepers must be 1 or more, not %d", o.maxSleepers)
	case o.maxWebSockets < 1:
		return usageErrorf("--max-websockets must be 1 or more, not %d", o.maxWebSockets)
	case o.maxConnections < 16:
		return usageErrorf("--max-connections must be 16 or more, not %d", o.maxConnections)
	case o.check != "on" && o.check != "off":
		return usageErrorf("--check must be on or off, not %q", clip(o.check))
	case !(o.checkRate > 0) || o.checkRate > 1e6:
		return usageErrorf("--check-rate must be a positive number of checks per minute, not %v", o.checkRate)
	case o.maxConnsPerIP < 0:
		return usageErrorf("--max-conns-per-ip must be 0 (no limit) or more, not %d", o.maxConnsPerIP)
	case o.logFormat != "text" && o.logFormat != "json":
		return usageErrorf("--log-format must be text or json, not %q", clip(o.logFormat))
	case o.shutdownTimeout <= 0:
		return usageErrorf("--shutdown-timeout must be positive, not %v", o.shutdownTimeout)
	}
	for _, h := range o.redirectHosts {
		if h == "" || strings.ContainsAny(h, "/:@ ") {
			return usageErrorf("--allow-redirect-host %q must be a bare host name such as example.com", clip(h))
		}
	}
	if o.publicURL != "" {
		if _, err := server.ParsePublicURL(o.publicURL); err != nil {
			return usageErrorf("--public-url %v", err)
		}
	}
	if _, _, err := net.SplitHostPort(o.addr); err != nil {
		return usageErrorf("--addr %q must be host:port, for example 127.0.0.1:8080 or :8080", clip(o.addr))
	}
	return nil
}

func (o *serveOptions) logger(e *env) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(o.logLevel)); err != nil {
		return nil, usageErrorf("--log-level must be debug, info, warn or error, not %q", clip(o.logLevel))
	}
	hopts := &slog.HandlerOptions{Level: level}
	if o.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(e.stderr, hopts)), nil
	}
	return slog.New(slog.NewTextHandler(e.stderr, hopts)), nil
}

// runServe listens, serves until ctx is cancelled (SIGINT or SIGTERM in
// the binary), then shuts down gracefully.
func runServe(ctx context.Context, e *env, o *serveOptions) error {
	if err := o.validate(); err != nil {
		return err
	}
	log, err := o.logger(e)
	if err != nil {
		return err
	}
	handler := server.NewServer(server.Options{
		MaxDelay:           o.maxDelay,
		MaxBodyBytes:       int64(o.maxBody),
		MaxURIBytes:        int(o.maxURI),
		MaxHeaderBytes:     int(o.maxHeaderBytes),
		AllowRedirectHosts: o.redirectHosts,
		RateLimit:          o.rateLimit,
		RateBurst:          o.rateBurst,
		TrustProxy:         o.trustProxy,
		MaxSleepers:        o.maxSleepers,
		MaxWebSockets:      o.maxWebSockets,
		PublicURL:          o.publicURL,
		CheckOff:           o.check == "off",
		CheckPrivate:       o.checkPrivate,
		CheckRate:          o.checkRate,
		Logger:             log,
		LogRequests:        o.logRequests,
	})
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// Dribbled bodies and sleeps take up to max-delay; leave room.
		WriteTimeout: o.maxDelay + 30*time.Second,
		IdleTimeout:  2 * time.Minute,
		// net/http's own hard limit; the service answers 414 and 431 with
		// its JSON error well below it.
		MaxHeaderBytes: int(o.maxURI) + 2*int(o.maxHeaderBytes) + 4096,
		ErrorLog:       slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	limits := o.connLimits(log)
	limiter := server.NewConnLimiter(limits)
	srv.ConnState = limiter.ConnState
	wire := server.Install(srv)
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return &exitError{code: exitNoHit, msg: fmt.Sprintf("cannot listen on %s: %v", o.addr, err)}
	}
	log.Info("httpstatus serving", "addr", "http://"+ln.Addr().String(), "version", version(),
		"public_url", o.publicURL, "max_delay", o.maxDelay.String(), "rate_limit", o.rateLimit, "max_sleepers", o.maxSleepers,
		"max_websockets", o.maxWebSockets, "max_connections", limits.Max, "max_conns_per_ip", limits.PerClient)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(wire(limiter.Listener(ln))) }()
	select {
	case err := <-served:
		return &exitError{code: exitNoHit, msg: "server stopped: " + err.Error()}
	case <-ctx.Done():
	}
	log.Info("shutting down: waiting for requests in flight", "timeout", o.shutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), o.shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Warn("shutdown timed out; closing the remaining connections", "err", err)
		srv.Close()
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return &exitError{code: exitNoHit, msg: err.Error()}
	}
	log.Info("stopped")
	return nil
}

// fdReserve is the open files kept for everything but client
// connections (the listener, logs, the runtime).
const fdReserve = 128

// connLimits turns the connection flags into the limiter's limits: the
// total lowered to what the open-file limit allows (so that accept never
// fails with "too many open files"), the per-client limit off behind a
// trusted proxy, where every connection comes from the proxy.
func (o *serveOptions) connLimits(log *slog.Logger) server.ConnLimits {
	l := server.ConnLimits{Max: o.maxConnections, PerClient: o.maxConnsPerIP, RetryAfter: o.maxDelay + 30*time.Second}
	if fds := server.OpenFileLimit(); fds > 0 && l.Max > fds-fdReserve {
		l.Max = max(16, fds-fdReserve)
		log.Warn("--max-connections lowered to fit the open-file limit", "max_connections", l.Max, "open_file_limit", fds)
	}
	if o.trustProxy {
		l.PerClient = 0
	}
	if l.PerClient > l.Max {
		l.PerClient = l.Max
	}
	if busy := o.maxSleepers + o.maxWebSockets; busy >= l.Max {
		log.Warn("--max-sleepers plus --max-websockets reach --max-connections: sleeping requests and WebSockets can take every connection", "busy", busy, "max_connections", l.Max)
	}
	return l
}

// byteSize is a flag value in bytes that accepts KiB, MiB and GiB
// suffixes (and KB, MB, GB as their decimal cousins).
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }
func (b *byteSize) Type() string   { return "bytes" }

func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000}, {"B", 1}}
	mult := int64(1)
	t := strings.TrimSpace(s)
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			mult, t = u.mult, strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<40)/mult {
		return fmt.Errorf("%q is not a size in bytes (for example 1048576, 512KiB or 1MiB)", clip(s))
	}
	*b = byteSize(n * mult)
	return nil
}
