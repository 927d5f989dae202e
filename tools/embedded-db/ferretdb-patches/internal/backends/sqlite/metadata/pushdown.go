// PATCHED (embedded-db): new file, not part of upstream FerretDB v1.24.2.
// See tools/embedded-db/README.md ("Query pushdown patch") for the design.
//
// What the query translator (../pushdown.go) needs from the metadata layer:
//
//   - SQL expressions for document fields, shared by index creation and queries, so that SQLite
//     recognises an index expression in a query (it only does when both are spelled the same);
//   - a per-table census of the BSON types found at every position of every document ("which types
//     can `status` hold, can `officerIds` be an array, ..."): it tells when a SQL condition on the
//     JSON representation selects exactly the documents the MongoDB filter selects;
//   - multikey side tables: for an indexed path that holds arrays (or crosses an array, like
//     `parties.name`), a table of (value, rowid) pairs kept up to date by SQLite triggers, which
//     plays the role of a MongoDB multikey index;
//   - guard triggers that make writes by a build without this patch fail loudly, because such a
//     build would not keep the census up to date.
//
// The census only grows (deleting documents does not remove types): a superset of the types is
// always safe, it only makes fewer queries exact.
package metadata

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	sqlite3 "modernc.org/sqlite"

	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
	"github.com/FerretDB/FerretDB/internal/util/logging"
)

const (
	// censusTable holds the census of every collection table of the database file.
	censusTable = "_ferretdb_pushdown_census"

	// multikeyTable lists the multikey side tables of the database file.
	multikeyTable = "_ferretdb_pushdown_multikey"

	// sideTablePrefix prefixes multikey side tables, their index and their triggers.
	sideTablePrefix = "_ferretdb_mk_"

	// WriterFunction is registered in this binary only; the guard triggers call it.
	WriterFunction = "ferretdb_pushdown_writer"

	// RegexpFunction evaluates a FerretDB regular expression in SQL: regexp(pattern, options, value).
	RegexpFunction = "ferretdb_regexp"

	// RegexpJSONFunction is RegexpFunction on the JSON text of the value (FerretDB's unique index
	// expression), so that a scan of such an index needs no table row.
	RegexpJSONFunction = "ferretdb_regexp_json"

	// censusCompletePosition marks a table whose census covers all its documents.
	censusCompletePosition = ""
)

// Type bits of the census, one per sjson type.
const (
	TypeObject uint16 = 1 << iota
	TypeArray
	TypeDouble
	TypeString
	TypeBinData
	TypeObjectID
	TypeBool
	TypeDate
	TypeNull
	TypeRegex
	TypeInt
	TypeTimestamp
	TypeLong
)

// TypeNumber is any BSON number.
const TypeNumber = TypeDouble | TypeInt | TypeLong

var typeNames = map[string]uint16{
	"object": TypeObject, "array": TypeArray, "double": TypeDouble, "string": TypeString,
	"binData": TypeBinData, "objectId": TypeObjectID, "bool": TypeBool, "date": TypeDate,
	"null": TypeNull, "regex": TypeRegex, "int": TypeInt, "timestamp": TypeTimestamp, "long": TypeLong,
}

func typeName(bit uint16) string {
	for n, b := range typeNames {
		if b == bit {
			return n
		}
	}

	panic(fmt.Sprintf("unknown type bit %d", bit))
}

// valueType returns the census bit of a value.
func valueType(v any) uint16 {
	switch v.(type) {
	case *types.Document:
		return TypeObject
	case *types.Array:
		return TypeArray
	case float64:
		return TypeDouble
	case string:
		return TypeString
	case types.Binary:
		return TypeBinData
	case types.ObjectID:
		return TypeObjectID
	case bool:
		return TypeBool
	case time.Time:
		return TypeDate
	case types.NullType:
		return TypeNull
	case types.Regex:
		return TypeRegex
	case int32:
		return TypeInt
	case types.Timestamp:
		return TypeTimestamp
	case int64:
		return TypeLong
	}

	panic(fmt.Sprintf("unexpected type %T", v))
}

// --- SQL functions ------------------------------------------------------------------------------

var regexpCache sync.Map // pattern + "\x00" + options -> *matcher

// matcher is a compiled FerretDB regular expression, with a fast path for literal patterns.
type matcher struct {
	re      *regexp.Regexp
	literal string
	useLit  bool
}

func (m *matcher) match(s string) bool {
	if m.useLit {
		return strings.Contains(s, m.literal)
	}

	return m.re.MatchString(s)
}

// getMatcher compiles like the handler's filter (types.Regex.Compile). A pattern that is a
// literal (case-sensitive, or none of whose characters has another case: Chinese text, digits,
// punctuation) matches exactly where strings.Contains does.
func getMatcher(pattern, options string) (*matcher, error) {
	key := pattern + "\x00" + options
	if v, ok := regexpCache.Load(key); ok {
		return v.(*matcher), nil
	}

	re, err := (types.Regex{Pattern: pattern, Options: options}).Compile()
	if err != nil {
		return nil, err
	}

	m := &matcher{re: re}

	if p, err := syntax.Parse(re.String(), syntax.Perl); err == nil && p.Op == syntax.OpLiteral && len(p.Rune) > 0 {
		m.useLit = true

		for _, r := range p.Rune {
			if r == utf8.RuneError || (p.Flags&syntax.FoldCase != 0 && unicode.SimpleFold(r) != r) {
				m.useLit = false
				break
			}
		}

		m.literal = string(p.Rune)
	}

	regexpCache.Store(key, m)

	return m, nil
}

// RegexLiteral returns the literal a regular expression searches for, if it is one that
// strings.Contains (and SQLite's instr) finds exactly (see getMatcher).
func RegexLiteral(pattern, options string) (string, bool) {
	m, err := getMatcher(pattern, options)
	if err != nil || !m.useLit {
		return "", false
	}

	return m.literal, true
}

func init() {
	// The guard triggers call this function: it exists only in this binary, so a build without
	// the patch fails to write to a table whose census it would not maintain.
	sqlite3.MustRegisterDeterministicScalarFunction(WriterFunction, 0, func(*sqlite3.FunctionContext, []driver.Value) (driver.Value, error) {
		return int64(1), nil
	})

	// regexp(pattern, options, value): 1 if value is a string matched by the FerretDB regular
	// expression (same compilation as the handler's filter: types.Regex.Compile), else 0.
	sqlite3.MustRegisterDeterministicScalarFunction(RegexpFunction, 3, func(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
		s, ok := args[2].(string)
		if !ok {
			return int64(0), nil
		}

		pattern, _ := args[0].(string)
		options, _ := args[1].(string)

		m, err := getMatcher(pattern, options)
		if err != nil {
			return nil, err
		}

		if m.match(s) {
			return int64(1), nil
		}

		return int64(0), nil
	})

	// regexp_json(pattern, options, json): the same on the JSON text of a value (only JSON
	// strings can match).
	sqlite3.MustRegisterDeterministicScalarFunction(RegexpJSONFunction, 3, func(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
		j, ok := args[2].(string)
		if !ok || !strings.HasPrefix(j, `"`) {
			return int64(0), nil
		}

		var s string
		if err := json.Unmarshal([]byte(j), &s); err != nil {
			return int64(0), nil
		}

		pattern, _ := args[0].(string)
		options, _ := args[1].(string)

		m, err := getMatcher(pattern, options)
		if err != nil {
			return nil, err
		}

		if m.match(s) {
			return int64(1), nil
		}

		return int64(0), nil
	})
}

// --- expressions ----------------------------------------------------------------------------------

// SafeComponent reports whether a path component can be used in the SQL JSON path expressions
// below (they are spelled literally inside quotes, without escaping).
func SafeComponent(c string) bool {
	if c == "" || strings.HasPrefix(c, "$") {
		return false
	}

	for _, r := range c {
		if r == '"' || r == '\'' || r == '\\' || r == '.' || !unicode.IsPrint(r) {
			return false
		}
	}

	// SQLite column names would shadow the field name in FerretDB's `->"field"` expressions
	switch strings.ToLower(c) {
	case "rowid", "oid", "_rowid_", DefaultColumn, RecordIDColumn:
		return false
	}

	return true
}

// PathComponents splits a dotted path into components usable in SQL expressions;
// ok is false if one of them is not (see SafeComponent) or is an array index.
func PathComponents(path string) ([]string, bool) {
	comps := strings.Split(path, ".")
	for _, c := range comps {
		if !SafeComponent(c) {
			return nil, false
		}

		if _, err := strconv.Atoi(c); err == nil {
			return nil, false
		}
	}

	return comps, true
}

// JSONPath returns the SQL string literal of the JSON path of the components: '$."a"."b"'.
func JSONPath(comps []string) string {
	var b strings.Builder

	b.WriteString(`'$`)

	for _, c := range comps {
		b.WriteString(`."`)
		b.WriteString(c)
		b.WriteString(`"`)
	}

	b.WriteString(`'`)

	return b.String()
}

// ValueExpr is the SQL value at the path (NULL if missing or null; JSON text for objects and
// arrays; 1/0 for booleans; milliseconds for dates): _ferretdb_sjson->>'$."a"."b"'.
// Non-unique indexes are created on these expressions, and queries use the same spelling.
func ValueExpr(comps []string) string {
	return DefaultColumn + "->>" + JSONPath(comps)
}

// UniqueExpr is FerretDB's own index expression (JSON text at the path), kept for unique indexes
// because their uniqueness semantics depend on it: _ferretdb_sjson->"a"->"b".
func UniqueExpr(comps []string) string {
	quoted := make([]string, len(comps))
	for i, c := range comps {
		quoted[i] = fmt.Sprintf("%q", c)
	}

	return fmt.Sprintf("%s->%s", DefaultColumn, strings.Join(quoted, "->"))
}

// upstreamColumns returns FerretDB's column list for an index (JSON text at each path).
func upstreamColumns(index IndexInfo) string {
	columns := make([]string, 0, len(index.Key))

	for _, key := range index.Key {
		fields := strings.Split(key.Field, ".")
		for j, f := range fields {
			fields[j] = fmt.Sprintf("%q", f)
		}

		col := fmt.Sprintf("%s->%s", DefaultColumn, strings.Join(fields, "->"))
		if key.Descending {
			col += " DESC"
		}

		columns = append(columns, col)
	}

	return strings.Join(columns, ", ")
}

// valueColumns returns the column list of a value index: ValueExpr of each key (which sorts like
// MongoDB for the types the census allows), then `_id` (so that a sort on the keys followed by
// `_id`, what paginated lists do, is read from the index in order). ok is false if a key cannot be
// expressed (see PathComponents).
func valueColumns(index IndexInfo) (string, bool) {
	columns := make([]string, 0, len(index.Key)+1)
	hasID := false

	for _, key := range index.Key {
		comps, ok := PathComponents(key.Field)
		if !ok {
			return "", false
		}

		col := ValueExpr(comps)
		if key.Descending {
			col += " DESC"
		}

		if key.Field == "_id" {
			hasID = true
		}

		columns = append(columns, col)
	}

	if !hasID {
		col := ValueExpr([]string{"_id"})
		if index.Key[len(index.Key)-1].Descending {
			col += " DESC"
		}

		columns = append(columns, col)
	}

	return strings.Join(columns, ", "), true
}

// indexSQL returns the CREATE INDEX statement for a FerretDB index of the table.
//
// Unique indexes keep FerretDB's expressions, on which their uniqueness semantics depend (they
// get a value index besides, see shadowIndexSQL). Non-unique indexes are value indexes.
func indexSQL(tableName string, index IndexInfo) string {
	name := tableName + "_" + index.Name

	if !index.Unique {
		if cols, ok := valueColumns(index); ok {
			return fmt.Sprintf("CREATE INDEX %q ON %q (%s)", name, tableName, cols)
		}
	}

	q := "CREATE "
	if index.Unique {
		q += "UNIQUE "
	}

	return q + fmt.Sprintf("INDEX %q ON %q (%s)", name, tableName, upstreamColumns(index))
}

// ShadowIndexName names the value index kept beside a unique index.
func ShadowIndexName(tableName, indexName string) string {
	return "_ferretdb_value_" + tableName + "_" + indexName
}

// shadowIndexSQL returns the CREATE INDEX statement of the value index kept beside a unique index
// other than _id's, so that its keys can be sorted and searched by value too (SQLite cannot read
// the JSON text of FerretDB's expression from an index). ok is false if there is none.
func shadowIndexSQL(tableName string, index IndexInfo) (string, bool) {
	if !index.Unique || index.Name == "_id_" {
		return "", false
	}

	cols, ok := valueColumns(index)
	if !ok {
		return "", false
	}

	return fmt.Sprintf("CREATE INDEX %q ON %q (%s)", ShadowIndexName(tableName, index.Name), tableName, cols), true
}

// HasValueIndex reports whether the keys of the index are in a value index (itself or its shadow).
func HasValueIndex(index IndexInfo) bool {
	_, ok := valueColumns(index)
	return ok && (!index.Unique || index.Name != "_id_")
}

// --- census ---------------------------------------------------------------------------------------

// Positions are the paths of the census: each field component Go-quoted, "[]" for array elements,
// e.g. `"parties"[]"name"` for the name of a party in the parties array.

// PositionField appends a field to a position.
func PositionField(pos, field string) string { return pos + strconv.Quote(field) }

// PositionElem appends "element of the array" to a position.
func PositionElem(pos string) string { return pos + "[]" }

// tableCensus is the census of one collection table.
type tableCensus struct {
	mu       sync.RWMutex
	types    map[string]uint16 // position -> type bits
	complete bool
	version  uint64 // incremented whenever types are added

	fill sync.Mutex // serialises backfills
}

// pushdownState is the registry's pushdown bookkeeping.
type pushdownState struct {
	mu        sync.Mutex
	census    map[string]*tableCensus      // db + "\x00" + table
	multikey  map[string]map[string]string // db + "\x00" + table -> path -> side table
	bgStarted bool

	maintain sync.Mutex // one maintenance at a time (they take SQLite's write lock for long)
}

func pdKey(dbName, tableName string) string { return dbName + "\x00" + tableName }

// tableCensusFor returns the (possibly incomplete) census of the table, creating it empty.
func (r *Registry) tableCensusFor(dbName, tableName string) *tableCensus {
	r.pd.mu.Lock()
	defer r.pd.mu.Unlock()

	if r.pd.census == nil {
		r.pd.census = map[string]*tableCensus{}
	}

	k := pdKey(dbName, tableName)

	tc := r.pd.census[k]
	if tc == nil {
		tc = &tableCensus{types: map[string]uint16{}}
		r.pd.census[k] = tc
	}

	return tc
}

// forgetTable drops the in-memory state of a dropped table.
func (r *Registry) forgetTable(dbName, tableName string) {
	r.pd.mu.Lock()
	defer r.pd.mu.Unlock()

	delete(r.pd.census, pdKey(dbName, tableName))
	delete(r.pd.multikey, pdKey(dbName, tableName))
}

// forgetDatabase drops the in-memory state of a dropped database.
func (r *Registry) forgetDatabase(dbName string) {
	r.pd.mu.Lock()
	defer r.pd.mu.Unlock()

	for k := range r.pd.census {
		if strings.HasPrefix(k, dbName+"\x00") {
			delete(r.pd.census, k)
		}
	}

	for k := range r.pd.multikey {
		if strings.HasPrefix(k, dbName+"\x00") {
			delete(r.pd.multikey, k)
		}
	}
}

// walkValue calls add for the value's position and for every position inside it.
func walkValue(v any, pos string, add func(pos string, bit uint16)) {
	add(pos, valueType(v))

	switch v := v.(type) {
	case *types.Document:
		keys := v.Keys()
		values := v.Values()

		for i, k := range keys {
			walkValue(values[i], PositionField(pos, k), add)
		}
	case *types.Array:
		elem := PositionElem(pos)

		for i := 0; i < v.Len(); i++ {
			e, _ := v.Get(i)
			walkValue(e, elem, add)
		}
	}
}

// CensusPair is a position and a type name to persist.
type CensusPair struct {
	Position string
	Type     string
}

// CensusObserve adds the types of the documents to the in-memory census of the table and returns
// the pairs that were new, to be persisted (CensusPersist) in the transaction that writes the
// documents. It must be called before that transaction commits: a query that sees a document
// then also sees its types.
func (r *Registry) CensusObserve(dbName, tableName string, docs []*types.Document) []CensusPair {
	tc := r.tableCensusFor(dbName, tableName)

	seen := map[string]uint16{}

	for _, doc := range docs {
		keys := doc.Keys()
		values := doc.Values()

		for i, k := range keys {
			walkValue(values[i], PositionField("", k), func(pos string, bit uint16) {
				seen[pos] |= bit
			})
		}
	}

	news := false

	tc.mu.RLock()
	for pos, bits := range seen {
		if tc.types[pos]&bits != bits {
			news = true
			break
		}
	}
	tc.mu.RUnlock()

	if !news {
		return nil
	}

	var pairs []CensusPair

	tc.mu.Lock()
	tc.version++

	for pos, bits := range seen {
		if missing := bits &^ tc.types[pos]; missing != 0 {
			tc.types[pos] |= missing

			for b := uint16(1); b != 0; b <<= 1 {
				if missing&b != 0 {
					pairs = append(pairs, CensusPair{Position: pos, Type: typeName(b)})
				}
			}
		}
	}
	tc.mu.Unlock()

	return pairs
}

// CensusPersist stores new census pairs in the transaction that writes the documents.
func CensusPersist(ctx context.Context, tx *fsql.Tx, tableName string, pairs []CensusPair) error {
	if len(pairs) == 0 {
		return nil
	}

	q := fmt.Sprintf("INSERT OR IGNORE INTO %q (table_name, position, type) VALUES (?, ?, ?)", censusTable)

	for _, p := range pairs {
		if _, err := tx.ExecContext(ctx, q, tableName, p.Position, p.Type); err != nil {
			return lazyerrors.Error(err)
		}
	}

	return nil
}

// Census is a read-only view of the complete census of a table.
type Census struct {
	types   map[string]uint16
	version uint64
	tc      *tableCensus
}

// Same reports whether both views were taken from the same state of the same census.
func (c *Census) Same(other *Census) bool {
	return c.tc == other.tc && c.version == other.version
}

// Changed reports whether types were added to the table's census since this view was taken.
func (c *Census) Changed() bool {
	c.tc.mu.RLock()
	defer c.tc.mu.RUnlock()

	return c.tc.version != c.version
}

// Types returns the type bits found at the position.
func (c *Census) Types(pos string) uint16 {
	return c.types[pos]
}

// CensusGet returns the complete census of the collection's table, filling it first if needed
// (a scan of the table, once per table: afterwards it is persisted).
// It returns nil if the census cannot be made complete.
func (r *Registry) CensusGet(ctx context.Context, dbName string, c *Collection) *Census {
	tc := r.tableCensusFor(dbName, c.TableName)

	tc.mu.RLock()
	complete := tc.complete
	tc.mu.RUnlock()

	if !complete {
		if err := r.censusFill(ctx, dbName, c, tc); err != nil {
			r.l.WarnContext(ctx, "pushdown: census scan failed", slog.String("table", c.TableName), logging.Error(err))
			return nil
		}
	}

	tc.mu.RLock()
	defer tc.mu.RUnlock()

	// copy-on-read keeps the view stable while writers add types; census maps are small
	view := make(map[string]uint16, len(tc.types))
	for k, v := range tc.types {
		view[k] = v
	}

	return &Census{types: view, version: tc.version, tc: tc}
}

// schemaDoc and schemaElem mirror sjson's schema (internal/handler/sjson/schema.go).
type schemaDoc struct {
	P map[string]*schemaElem `json:"p"`
}

type schemaElem struct {
	T string       `json:"t"`
	S *schemaDoc   `json:"$s"`
	I []schemaElem `json:"i"`
}

func walkSchemaElem(e *schemaElem, pos string, add func(pos string, bit uint16)) error {
	bit, ok := typeNames[e.T]
	if !ok {
		return fmt.Errorf("unknown sjson type %q", e.T)
	}

	add(pos, bit)

	switch bit {
	case TypeObject:
		if e.S != nil {
			for k, f := range e.S.P {
				if err := walkSchemaElem(f, PositionField(pos, k), add); err != nil {
					return err
				}
			}
		}
	case TypeArray:
		for i := range e.I {
			if err := walkSchemaElem(&e.I[i], PositionElem(pos), add); err != nil {
				return err
			}
		}
	}

	return nil
}

// censusFill scans the table's distinct document schemas and completes its census.
func (r *Registry) censusFill(ctx context.Context, dbName string, c *Collection, tc *tableCensus) error {
	tc.fill.Lock()
	defer tc.fill.Unlock()

	tc.mu.RLock()
	complete := tc.complete
	tc.mu.RUnlock()

	if complete {
		return nil
	}

	db := r.DatabaseGetExisting(ctx, dbName)
	if db == nil {
		return errors.New("no database")
	}

	start := time.Now()

	// Writes that commit after this scan's snapshot record their own types (CensusObserve).
	rows, err := db.QueryContext(ctx, fmt.Sprintf(`SELECT DISTINCT %s->'$."$s"' FROM %q`, DefaultColumn, c.TableName))
	if err != nil {
		return lazyerrors.Error(err)
	}

	found := map[string]uint16{}
	add := func(pos string, bit uint16) { found[pos] |= bit }

	var schemas int

	for rows.Next() {
		var s string
		if err = rows.Scan(&s); err != nil {
			rows.Close()
			return lazyerrors.Error(err)
		}

		var sch schemaDoc
		if err = json.Unmarshal([]byte(s), &sch); err != nil {
			rows.Close()
			return lazyerrors.Error(err)
		}

		for k, f := range sch.P {
			if err = walkSchemaElem(f, PositionField("", k), add); err != nil {
				rows.Close()
				return lazyerrors.Error(err)
			}
		}

		schemas++
	}

	if err = rows.Err(); err != nil {
		rows.Close()
		return lazyerrors.Error(err)
	}

	rows.Close()

	var pairs []CensusPair

	for pos, bits := range found {
		for b := uint16(1); b != 0; b <<= 1 {
			if bits&b != 0 {
				pairs = append(pairs, CensusPair{Position: pos, Type: typeName(b)})
			}
		}
	}

	err = db.InTransaction(ctx, func(tx *fsql.Tx) error {
		if err := CensusPersist(ctx, tx, c.TableName, pairs); err != nil {
			return err
		}

		return censusMarkComplete(ctx, tx, c)
	})
	if err != nil {
		return lazyerrors.Error(err)
	}

	tc.mu.Lock()
	for pos, bits := range found {
		tc.types[pos] |= bits
	}
	tc.complete = true
	tc.version++
	tc.mu.Unlock()

	r.l.InfoContext(
		ctx, "pushdown: census scanned",
		slog.String("table", c.TableName), slog.Int("schemas", schemas), slog.Duration("took", time.Since(start)),
	)

	return nil
}

// censusMarkComplete records that the census of the table (identified by its collection UUID,
// so that a table dropped and re-created by another build is scanned again) is complete.
func censusMarkComplete(ctx context.Context, tx *fsql.Tx, c *Collection) error {
	q := fmt.Sprintf("DELETE FROM %q WHERE table_name = ? AND position = ?", censusTable)
	if _, err := tx.ExecContext(ctx, q, c.TableName, censusCompletePosition); err != nil {
		return lazyerrors.Error(err)
	}

	q = fmt.Sprintf("INSERT INTO %q (table_name, position, type) VALUES (?, ?, ?)", censusTable)
	if _, err := tx.ExecContext(ctx, q, c.TableName, censusCompletePosition, "complete "+c.Settings.UUID); err != nil {
		return lazyerrors.Error(err)
	}

	return nil
}

// --- database-level setup -------------------------------------------------------------------------

// pushdownSetupDB creates the bookkeeping tables of a database file and loads them.
func (r *Registry) pushdownSetupDB(ctx context.Context, dbName string, db *fsql.DB) error {
	qs := []string{
		fmt.Sprintf(
			"CREATE TABLE IF NOT EXISTS %q (table_name TEXT NOT NULL, position TEXT NOT NULL, type TEXT NOT NULL, "+
				"PRIMARY KEY (table_name, position, type)) WITHOUT ROWID, STRICT",
			censusTable,
		),
		fmt.Sprintf(
			"CREATE TABLE IF NOT EXISTS %q (table_name TEXT NOT NULL, path TEXT NOT NULL, side_table TEXT NOT NULL, "+
				"PRIMARY KEY (table_name, path)) STRICT",
			multikeyTable,
		),
	}

	for _, q := range qs {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return lazyerrors.Error(err)
		}
	}

	return nil
}

// pushdownLoadDB loads the persisted census and side tables of the collections of a database.
// It runs during registry initialisation, before any query.
func (r *Registry) pushdownLoadDB(ctx context.Context, dbName string, db *fsql.DB, colls map[string]*Collection) error {
	if err := r.pushdownSetupDB(ctx, dbName, db); err != nil {
		return err
	}

	byTable := map[string]*Collection{}
	for _, c := range colls {
		byTable[c.TableName] = c
	}

	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT table_name, position, type FROM %q", censusTable))
	if err != nil {
		return lazyerrors.Error(err)
	}

	type loaded struct {
		types    map[string]uint16
		complete bool
	}

	found := map[string]*loaded{}

	for rows.Next() {
		var table, pos, typ string
		if err = rows.Scan(&table, &pos, &typ); err != nil {
			rows.Close()
			return lazyerrors.Error(err)
		}

		c := byTable[table]
		if c == nil {
			continue
		}

		l := found[table]
		if l == nil {
			l = &loaded{types: map[string]uint16{}}
			found[table] = l
		}

		if pos == censusCompletePosition {
			l.complete = typ == "complete "+c.Settings.UUID
			continue
		}

		l.types[pos] |= typeNames[typ]
	}

	if err = rows.Err(); err != nil {
		rows.Close()
		return lazyerrors.Error(err)
	}

	rows.Close()

	for table, l := range found {
		tc := r.tableCensusFor(dbName, table)
		tc.types = l.types
		tc.complete = l.complete
	}

	rows, err = db.QueryContext(ctx, fmt.Sprintf("SELECT table_name, path, side_table FROM %q", multikeyTable))
	if err != nil {
		return lazyerrors.Error(err)
	}

	defer rows.Close()

	for rows.Next() {
		var table, path, side string
		if err = rows.Scan(&table, &path, &side); err != nil {
			return lazyerrors.Error(err)
		}

		if byTable[table] == nil {
			continue
		}

		r.setSideTable(dbName, table, path, side)
	}

	if err = rows.Err(); err != nil {
		return lazyerrors.Error(err)
	}

	for _, c := range colls {
		if err = ensureGuards(ctx, db, c.TableName); err != nil {
			return err
		}
	}

	return nil
}

// ensureGuards creates the triggers that refuse writes from a build without this patch.
func ensureGuards(ctx context.Context, db *fsql.DB, tableName string) error {
	for _, op := range []string{"INSERT", "UPDATE"} {
		q := fmt.Sprintf(
			"CREATE TRIGGER IF NOT EXISTS %q BEFORE %s ON %q WHEN %s() IS NOT 1 "+
				"BEGIN SELECT RAISE(ABORT, 'this table is maintained by the embedded-db pushdown patch'); END",
			"_ferretdb_guard_"+strings.ToLower(op)+"_"+tableName, op, tableName, WriterFunction,
		)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return lazyerrors.Error(err)
		}
	}

	return nil
}

// pushdownTableCreated sets up a table created by this registry: empty, so its census is complete.
func (r *Registry) pushdownTableCreated(ctx context.Context, dbName string, db *fsql.DB, c *Collection) error {
	if err := ensureGuards(ctx, db, c.TableName); err != nil {
		return err
	}

	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		q := fmt.Sprintf("DELETE FROM %q WHERE table_name = ?", censusTable)
		if _, err := tx.ExecContext(ctx, q, c.TableName); err != nil {
			return lazyerrors.Error(err)
		}

		return censusMarkComplete(ctx, tx, c)
	})
	if err != nil {
		return err
	}

	tc := r.tableCensusFor(dbName, c.TableName)
	tc.mu.Lock()
	tc.types = map[string]uint16{}
	tc.complete = true
	tc.version++
	tc.mu.Unlock()

	return nil
}

// pushdownTableDropped removes the bookkeeping of a dropped table (its triggers went with it).
func (r *Registry) pushdownTableDropped(ctx context.Context, dbName string, db *fsql.DB, tableName string) error {
	sides := r.sideTables(dbName, tableName)

	for _, side := range sides {
		if _, err := db.ExecContext(ctx, fmt.Sprintf("DROP TABLE IF EXISTS %q", side)); err != nil {
			return lazyerrors.Error(err)
		}
	}

	for _, q := range []string{
		fmt.Sprintf("DELETE FROM %q WHERE table_name = ?", censusTable),
		fmt.Sprintf("DELETE FROM %q WHERE table_name = ?", multikeyTable),
	} {
		if _, err := db.ExecContext(ctx, q, tableName); err != nil {
			return lazyerrors.Error(err)
		}
	}

	r.forgetTable(dbName, tableName)

	return nil
}

// --- multikey side tables -------------------------------------------------------------------------

func (r *Registry) setSideTable(dbName, tableName, path, side string) {
	r.pd.mu.Lock()
	defer r.pd.mu.Unlock()

	if r.pd.multikey == nil {
		r.pd.multikey = map[string]map[string]string{}
	}

	k := pdKey(dbName, tableName)
	if r.pd.multikey[k] == nil {
		r.pd.multikey[k] = map[string]string{}
	}

	if side == "" {
		delete(r.pd.multikey[k], path)
		return
	}

	r.pd.multikey[k][path] = side
}

// SideTable returns the multikey side table of the path, or "" if there is none.
func (r *Registry) SideTable(dbName, tableName, path string) string {
	r.pd.mu.Lock()
	defer r.pd.mu.Unlock()

	return r.pd.multikey[pdKey(dbName, tableName)][path]
}

func (r *Registry) sideTables(dbName, tableName string) map[string]string {
	r.pd.mu.Lock()
	defer r.pd.mu.Unlock()

	res := map[string]string{}
	for p, s := range r.pd.multikey[pdKey(dbName, tableName)] {
		res[p] = s
	}

	return res
}

// ExpansionBranch is one SELECT of the multikey expansion of a path.
type ExpansionBranch struct {
	From  []string // table-valued functions (and tables) to join
	Where []string // conditions
	Key   string   // the SQL value produced
}

// SQL returns the branch as `SELECT <cols> FROM ... WHERE ...`, with the extra conditions.
func (b ExpansionBranch) SQL(cols string, extra ...string) string {
	q := "SELECT " + cols
	if len(b.From) > 0 {
		q += " FROM " + strings.Join(b.From, ", ")
	}

	where := append(slices.Clone(b.Where), extra...)
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}

	return q
}

// Expansion returns the SQL branches producing every value MongoDB's path semantics reach from the
// JSON document src (an SQL expression) along the path: intermediate objects, objects inside
// intermediate arrays (one level, like commonpath.FindValues), and at the end the value itself or,
// for an array, its elements. Nulls are not produced. alias prefixes the json_each aliases.
func Expansion(src string, comps []string, alias string) []ExpansionBranch {
	type state struct {
		path  string // SQL expression of the JSON path so far
		from  []string
		where []string
	}

	concat := func(path, comp string) string {
		seg := `."` + comp + `"`
		if strings.HasPrefix(path, "'") && strings.HasSuffix(path, "'") {
			return path[:len(path)-1] + seg + "'"
		}

		return path + " || '" + seg + "'"
	}

	states := []state{{path: "'$'"}}

	var res []ExpansionBranch

	for i, c := range comps {
		var next []state

		for j, st := range states {
			p := concat(st.path, c)
			a := fmt.Sprintf("%s%d_%d", alias, i, j)

			if i < len(comps)-1 {
				next = append(next, state{
					path:  p,
					from:  st.from,
					where: append(slices.Clone(st.where), fmt.Sprintf("json_type(%s, %s) = 'object'", src, p)),
				})
				next = append(next, state{
					path: a + ".fullkey",
					from: append(slices.Clone(st.from), fmt.Sprintf("json_each(%s, %s) AS %s", src, p, a)),
					where: append(
						slices.Clone(st.where),
						fmt.Sprintf("json_type(%s, %s) = 'array'", src, p), a+".type = 'object'",
					),
				})

				continue
			}

			res = append(res, ExpansionBranch{
				From: append(slices.Clone(st.from), fmt.Sprintf("json_each(%s, %s) AS %s", src, p, a)),
				Where: append(
					slices.Clone(st.where),
					fmt.Sprintf("json_type(%s, %s) = 'array'", src, p), a+".type <> 'null'",
				),
				Key: a + ".value",
			})
			res = append(res, ExpansionBranch{
				From:  st.from,
				Where: append(slices.Clone(st.where), fmt.Sprintf("json_type(%s, %s) NOT IN ('array', 'null')", src, p)),
				Key:   fmt.Sprintf("json_extract(%s, %s)", src, p),
			})
		}

		states = next
	}

	return res
}

// sideTableName names the side table of a path of a table.
func sideTableName(tableName, path string) string {
	h := fnv.New32a()
	_, _ = h.Write([]byte(path))

	return fmt.Sprintf("%s%s_%08x", sideTablePrefix, tableName, h.Sum32())
}

// maxMultikeyComponents limits the expansion size (2^(n-1) * 2 branches).
const maxMultikeyComponents = 3

// createSideTable creates, fills and registers the multikey side table of an indexed path.
func (r *Registry) createSideTable(ctx context.Context, dbName string, db *fsql.DB, tableName, path string) error {
	comps, ok := PathComponents(path)
	if !ok || len(comps) > maxMultikeyComponents || path == "_id" {
		return nil
	}

	if r.SideTable(dbName, tableName, path) != "" {
		return nil
	}

	side := sideTableName(tableName, path)
	start := time.Now()

	insertFor := func(src, rid string, from string) string {
		var parts []string

		for _, b := range Expansion(src, comps, "mk") {
			if from != "" {
				b.From = append([]string{from}, b.From...)
			}

			parts = append(parts, b.SQL(b.Key+" AS k, "+rid+" AS rid", b.Key+" IS NOT NULL"))
		}

		return fmt.Sprintf("INSERT OR IGNORE INTO %q (k, rid) %s", side, strings.Join(parts, " UNION ALL "))
	}

	newSrc := "new." + DefaultColumn

	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		qs := []string{
			fmt.Sprintf("DROP TABLE IF EXISTS %q", side),
			fmt.Sprintf("CREATE TABLE %q (k ANY NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (k, rid)) WITHOUT ROWID, STRICT", side),
			fmt.Sprintf("CREATE INDEX %q ON %q (rid)", side+"_rid", side),
			fmt.Sprintf(
				"CREATE TRIGGER %q AFTER INSERT ON %q BEGIN %s; END",
				side+"_insert", tableName, insertFor(newSrc, "new.rowid", ""),
			),
			fmt.Sprintf(
				"CREATE TRIGGER %q AFTER UPDATE ON %q BEGIN DELETE FROM %q WHERE rid = old.rowid; %s; END",
				side+"_update", tableName, side, insertFor(newSrc, "new.rowid", ""),
			),
			fmt.Sprintf(
				"CREATE TRIGGER %q AFTER DELETE ON %q BEGIN DELETE FROM %q WHERE rid = old.rowid; END",
				side+"_delete", tableName, side,
			),
			insertFor("t."+DefaultColumn, "t.rowid", fmt.Sprintf("%q AS t", tableName)),
		}

		for _, q := range qs {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return lazyerrors.Errorf("%s: %w", q, err)
			}
		}

		q := fmt.Sprintf("INSERT OR REPLACE INTO %q (table_name, path, side_table) VALUES (?, ?, ?)", multikeyTable)
		if _, err := tx.ExecContext(ctx, q, tableName, path, side); err != nil {
			return lazyerrors.Error(err)
		}

		return nil
	})
	if err != nil {
		return lazyerrors.Error(err)
	}

	r.setSideTable(dbName, tableName, path, side)

	r.l.InfoContext(
		ctx, "pushdown: multikey side table created",
		slog.String("table", tableName), slog.String("path", path), slog.Duration("took", time.Since(start)),
	)

	return nil
}

// dropSideTable drops the side table of a path that is no longer indexed.
func (r *Registry) dropSideTable(ctx context.Context, dbName string, db *fsql.DB, tableName, path string) error {
	side := r.SideTable(dbName, tableName, path)
	if side == "" {
		return nil
	}

	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("DROP TABLE IF EXISTS %q", side)); err != nil {
			return lazyerrors.Error(err)
		}

		for _, t := range []string{"_insert", "_update", "_delete"} {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("DROP TRIGGER IF EXISTS %q", side+t)); err != nil {
				return lazyerrors.Error(err)
			}
		}

		q := fmt.Sprintf("DELETE FROM %q WHERE table_name = ? AND path = ?", multikeyTable)
		_, err := tx.ExecContext(ctx, q, tableName, path)

		return err
	})
	if err != nil {
		return lazyerrors.Error(err)
	}

	r.setSideTable(dbName, tableName, path, "")

	return nil
}

// PathHasArrays reports whether the census has an array at, or on the way to, the dotted path.
func (c *Census) PathHasArrays(comps []string) bool {
	positions := []string{""}

	for _, comp := range comps {
		var next []string

		for _, pos := range positions {
			p := PositionField(pos, comp)
			t := c.Types(p)

			if t&TypeArray != 0 {
				return true
			}

			next = append(next, p)
		}

		positions = next
	}

	return false
}

// indexedPaths returns the dotted paths of the collection's index keys.
func indexedPaths(c *Collection) []string {
	var res []string

	for _, index := range c.Settings.Indexes {
		for _, key := range index.Key {
			if !slices.Contains(res, key.Field) {
				res = append(res, key.Field)
			}
		}
	}

	sort.Strings(res)

	return res
}

// --- maintenance ----------------------------------------------------------------------------------

// pushdownMaintain brings one collection table up to date: completes its census, rebuilds SQLite
// indexes created by an unpatched build (or an older patch) with the current expressions, and
// creates the side tables of indexed paths that hold arrays. Safe to call at any time.
func (r *Registry) pushdownMaintain(ctx context.Context, dbName string, c *Collection) error {
	r.pd.maintain.Lock()
	defer r.pd.maintain.Unlock()

	db := r.DatabaseGetExisting(ctx, dbName)
	if db == nil {
		return nil
	}

	census := r.CensusGet(ctx, dbName, c)
	if census == nil {
		return errors.New("census incomplete")
	}

	for _, index := range c.Settings.Indexes {
		if q, ok := shadowIndexSQL(c.TableName, index); ok {
			if err := ensureIndex(ctx, r.l, db, ShadowIndexName(c.TableName, index.Name), q); err != nil {
				return err
			}
		}

		want := indexSQL(c.TableName, index)
		name := c.TableName + "_" + index.Name

		var have string

		err := db.QueryRowContext(ctx, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", name).Scan(&have)
		if err != nil || have == want {
			continue
		}

		start := time.Now()

		err = db.InTransaction(ctx, func(tx *fsql.Tx) error {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("DROP INDEX %q", name)); err != nil {
				return err
			}

			_, err := tx.ExecContext(ctx, want)

			return err
		})
		if err != nil {
			return lazyerrors.Errorf("rebuilding index %s: %w", name, err)
		}

		r.l.InfoContext(ctx, "pushdown: index rebuilt", slog.String("index", name), slog.Duration("took", time.Since(start)))
	}

	for _, path := range indexedPaths(c) {
		comps, ok := PathComponents(path)
		if !ok || !census.PathHasArrays(comps) {
			continue
		}

		if err := r.createSideTable(ctx, dbName, db, c.TableName, path); err != nil {
			return err
		}
	}

	return nil
}

// ensureIndex creates (or re-creates, if its definition changed) an index of our own.
func ensureIndex(ctx context.Context, l *slog.Logger, db *fsql.DB, name, want string) error {
	var have string

	err := db.QueryRowContext(ctx, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", name).Scan(&have)
	if err == nil && have == want {
		return nil
	}

	start := time.Now()

	err = db.InTransaction(ctx, func(tx *fsql.Tx) error {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("DROP INDEX IF EXISTS %q", name)); err != nil {
			return err
		}

		_, err := tx.ExecContext(ctx, want)

		return err
	})
	if err != nil {
		return lazyerrors.Errorf("creating index %s: %w", name, err)
	}

	l.InfoContext(ctx, "pushdown: index created", slog.String("index", name), slog.Duration("took", time.Since(start)))

	return nil
}

// PushdownMaintainAsync runs pushdownMaintain for one collection in the background.
func (r *Registry) PushdownMaintainAsync(dbName, collectionName string) {
	go func() {
		ctx := context.Background()

		c := r.CollectionGet(ctx, dbName, collectionName)
		if c == nil {
			return
		}

		if err := r.pushdownMaintain(ctx, dbName, c); err != nil {
			r.l.WarnContext(ctx, "pushdown: maintenance failed", slog.String("collection", collectionName), logging.Error(err))
		}
	}()
}

// pushdownStartBackground maintains every collection once after start-up, one at a time.
func (r *Registry) pushdownStartBackground() {
	r.pd.mu.Lock()
	started := r.pd.bgStarted
	r.pd.bgStarted = true
	r.pd.mu.Unlock()

	if started {
		return
	}

	go func() {
		ctx := context.Background()

		for _, dbName := range r.DatabaseList(ctx) {
			colls, err := r.CollectionList(ctx, dbName)
			if err != nil {
				continue
			}

			for _, c := range colls {
				if err := r.pushdownMaintain(ctx, dbName, c); err != nil {
					r.l.WarnContext(ctx, "pushdown: maintenance failed", slog.String("table", c.TableName), logging.Error(err))
				}
			}
		}
	}()
}

// NeedsSideTable reports whether new census pairs put an array at or on the way to an indexed path
// of the collection that has no side table yet.
func (r *Registry) NeedsSideTable(dbName string, c *Collection, pairs []CensusPair) bool {
	var arrays []string

	for _, p := range pairs {
		if p.Type == "array" {
			arrays = append(arrays, p.Position)
		}
	}

	if len(arrays) == 0 {
		return false
	}

	for _, path := range indexedPaths(c) {
		comps, ok := PathComponents(path)
		if !ok || len(comps) > maxMultikeyComponents || r.SideTable(dbName, c.TableName, path) != "" {
			continue
		}

		pos := ""
		for _, comp := range comps {
			pos = PositionField(pos, comp)

			for _, a := range arrays {
				// the array is at this position, or at an array-element position below it
				if a == pos || strings.HasPrefix(a, pos+"[]") {
					return true
				}
			}
		}
	}

	return false
}
