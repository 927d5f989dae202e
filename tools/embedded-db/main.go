// Command embedded-db runs FerretDB v1 (SQLite backend) as a MongoDB-compatible server
// for development, tests and zero-install deployments. The Node side supervises it
// (api/src/platform/database/embedded.ts): it reads the "READY <uri>" line from stdout,
// then confirms readiness with a real ping.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	dataDir := flag.String("data", "./data/db", "directory for the SQLite database files")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn, error")
	watchStdin := flag.Bool("watch-stdin", false, "stop when standard input closes (set by the supervising Node process)")
	disablePushdown := flag.Bool("disable-pushdown", false, "evaluate every query in FerretDB's handler, without the SQL pushdown patch (reference behaviour for tests)")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("invalid -log-level: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		fail("invalid -data: %v", err)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		fail("cannot create data directory %s: %v", dir, err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
		// Patched FerretDB (ferretdb-patches/, see README.md): filters, sorts, skip, limit and
		// counts are translated to SQL unless disabled.
		DisablePushdown: *disablePushdown,
	})
	if err != nil {
		fail("cannot start FerretDB: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Stop when the supervising process goes away (its end of our stdin closes),
	// so a killed Node process never leaves an orphan database server behind.
	if *watchStdin {
		go func() {
			buf := make([]byte, 64)
			for {
				if _, err := os.Stdin.Read(buf); err != nil {
					stop()
					return
				}
			}
		}()
	}

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()

	// MongoDBURI waits until the listener is bound, so the printed port is the real one.
	fmt.Printf("READY %s\n", f.MongoDBURI())

	<-done
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "embedded-db: "+format+"\n", args...)
	os.Exit(1)
}
