// PATCHED (embedded-db): new file, not part of upstream FerretDB v1.24.2.
// See tools/embedded-db/README.md ("Query pushdown patch").
//
// The translator turns a MongoDB filter into an SQLite condition on the collection's table.
// The condition is always a superset of the matching documents (the handler filters the rows
// again), and it is "exact" when it selects exactly the matching documents: only then may the
// backend also sort, skip, limit and count in SQL.
//
// Exactness comes from the census of the table (metadata/pushdown.go): SQLite sees the JSON form
// of the values, in which several BSON types look alike (an ObjectId and a string are both JSON
// strings; dates, numbers and booleans are SQL numbers), and in which an array is not its
// elements. A condition is exact when the census shows that no document can hold a value that the
// SQL comparison would confuse with the MongoDB one at that path.
package sqlite

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// cond is a translated condition. An empty sql is TRUE.
type cond struct {
	sql   string
	args  []any
	exact bool
}

var (
	trueExact   = cond{exact: true}
	trueInexact = cond{exact: false}
	falseExact  = cond{sql: "0", exact: true}
)

func and(cs ...cond) cond {
	res := cond{exact: true}

	var parts []string

	for _, c := range cs {
		res.exact = res.exact && c.exact

		if c.sql == "" {
			continue
		}

		parts = append(parts, "("+c.sql+")")
		res.args = append(res.args, c.args...)
	}

	res.sql = strings.Join(parts, " AND ")

	return res
}

func or(cs ...cond) cond {
	var (
		parts   []string
		args    []any
		exact   = true
		inexact bool
	)

	for _, c := range cs {
		if c.sql == "" {
			// TRUE OR x is TRUE, exactly so if that TRUE is exact
			if c.exact {
				return trueExact
			}

			inexact = true

			continue
		}

		exact = exact && c.exact
		parts = append(parts, "("+c.sql+")")
		args = append(args, c.args...)
	}

	if inexact {
		return trueInexact
	}

	if len(parts) == 0 {
		return falseExact
	}

	return cond{sql: strings.Join(parts, " OR "), args: args, exact: exact}
}

// not negates an exact condition; NULL (a comparison with a missing value) counts as false.
func not(c cond) cond {
	if !c.exact {
		return trueInexact
	}

	if c.sql == "" {
		return falseExact
	}

	return cond{sql: "NOT IFNULL((" + c.sql + "), 0)", args: c.args, exact: true}
}

// value kinds, by the SQL value that represents them
type valueKind int

const (
	kindString valueKind = iota + 1
	kindObjectID
	kindBool
	kindNumber
	kindDate
	kindNull
)

// sqlValue returns the SQL value that ValueExpr yields for a BSON scalar.
func sqlValue(v any) (any, valueKind, bool) {
	switch v := v.(type) {
	case string:
		return v, kindString, true
	case types.ObjectID:
		return hex.EncodeToString(v[:]), kindObjectID, true
	case bool:
		if v {
			return int64(1), kindBool, true
		}

		return int64(0), kindBool, true
	case int32:
		return int64(v), kindNumber, true
	case int64:
		return v, kindNumber, true
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, 0, false
		}

		return v, kindNumber, true
	case time.Time:
		return v.UnixMilli(), kindDate, true
	case types.NullType:
		return nil, kindNull, true
	}

	return nil, 0, false
}

// Type groups by the SQL storage class of their ValueExpr.
const (
	textTypes = metadata.TypeString | metadata.TypeObjectID | metadata.TypeBinData | metadata.TypeRegex |
		metadata.TypeObject | metadata.TypeArray
	numTypes = metadata.TypeNumber | metadata.TypeBool | metadata.TypeDate | metadata.TypeTimestamp
)

// eqCollisions returns the types whose SQL value may equal the SQL value of v without being equal
// to v in MongoDB.
func eqCollisions(kind valueKind, v any) uint16 {
	switch kind {
	case kindString:
		s := v.(string)
		res := metadata.TypeBinData | metadata.TypeRegex

		if len(s) == 24 && strings.Trim(s, "0123456789abcdef") == "" {
			res |= metadata.TypeObjectID
		}

		if strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[") {
			res |= metadata.TypeObject | metadata.TypeArray
		}

		return res
	case kindObjectID:
		return metadata.TypeString | metadata.TypeBinData | metadata.TypeRegex
	case kindBool:
		return numTypes &^ metadata.TypeBool
	case kindNumber:
		return numTypes &^ metadata.TypeNumber
	case kindDate:
		return numTypes &^ metadata.TypeDate
	}

	return 0xffff
}

// rangeCollisions returns the types whose SQL value may satisfy a range comparison with v (of its
// kind) without being of v's type (MongoDB compares within a type bracket only).
func rangeCollisions(kind valueKind, op string) uint16 {
	var own, class, lower uint16

	switch kind {
	case kindString:
		own, class = metadata.TypeString, textTypes
	case kindObjectID:
		own, class = metadata.TypeObjectID, textTypes
	case kindNumber:
		own, class = metadata.TypeNumber, numTypes
	case kindDate:
		own, class = metadata.TypeDate, numTypes
	case kindBool:
		own, class = metadata.TypeBool, numTypes
	default:
		return 0xffff
	}

	// SQLite orders NULL < numbers < text: values of a lower class satisfy < and <=,
	// values of a higher class satisfy > and >=.
	if class == textTypes {
		lower = numTypes
	}

	higher := uint16(0)
	if class == numTypes {
		higher = textTypes
	}

	res := class &^ own

	switch op {
	case "$lt", "$lte":
		res |= lower
	case "$gt", "$gte":
		res |= higher
	}

	return res
}

// pathInfo is what the census says about a dotted path.
type pathInfo struct {
	comps    []string
	path     string
	leaf     uint16 // types of the values at the path
	elem     uint16 // types of the elements of arrays at the path
	crossing bool   // an array on the way to the path
	nested   bool   // an array in an array on the way to the path
}

// simple paths are never arrays and never cross one: ValueExpr is the value.
func (pi pathInfo) simple() bool {
	return !pi.crossing && pi.leaf&metadata.TypeArray == 0
}

// atoms returns the types of the values a filter compares with at the path (array elements
// instead of arrays).
func (pi pathInfo) atoms() uint16 {
	if pi.leaf&metadata.TypeArray != 0 {
		return (pi.leaf &^ metadata.TypeArray) | pi.elem
	}

	return pi.leaf
}

// translator translates filters and sorts for one collection table.
type translator struct {
	r       *metadata.Registry
	dbName  string
	table   string
	census  *metadata.Census
	unique  map[string]bool // paths that are the first key of a unique index (FerretDB's JSON-text expression)
	inUniq  map[string]bool // paths that are a key of a unique index
	inValue map[string]bool // paths that are a key of a non-unique index (ValueExpr)
	alias   int

	// correlated side-table conditions (EXISTS … rid = rowid) instead of rowid IN (…): better when
	// the rows are read in the order of an index and only the first few are needed
	correlated bool
	ctx        context.Context
}

// manyRows is the number of side-table matches from which a correlated condition pays: below it,
// sorting the matching documents costs less than reading an index in order until the page is full.
const manyRows = 500

func newTranslator(ctx context.Context, r *metadata.Registry, dbName string, meta *metadata.Collection) *translator {
	census := r.CensusGet(ctx, dbName, meta)
	if census == nil {
		return nil
	}

	t := &translator{
		ctx: ctx,
		r:   r, dbName: dbName, table: meta.TableName, census: census,
		unique: map[string]bool{}, inUniq: map[string]bool{}, inValue: map[string]bool{},
	}

	for _, index := range meta.Settings.Indexes {
		if index.Unique && len(index.Key) > 0 {
			t.unique[index.Key[0].Field] = true
		}

		for _, key := range index.Key {
			if index.Unique {
				t.inUniq[key.Field] = true
			}

			if metadata.HasValueIndex(index) {
				t.inValue[key.Field] = true
			}
		}
	}

	return t
}

func (t *translator) info(comps []string) pathInfo {
	pi := pathInfo{comps: comps, path: strings.Join(comps, ".")}
	positions := []string{""}

	for i, c := range comps {
		var next []string

		for _, pos := range positions {
			p := metadata.PositionField(pos, c)
			tp := t.census.Types(p)

			if i == len(comps)-1 {
				pi.leaf |= tp

				if tp&metadata.TypeArray != 0 {
					pi.elem |= t.census.Types(metadata.PositionElem(p))
				}

				continue
			}

			if tp&metadata.TypeObject != 0 {
				next = append(next, p)
			}

			if tp&metadata.TypeArray != 0 {
				pi.crossing = true

				et := t.census.Types(metadata.PositionElem(p))
				if et&metadata.TypeObject != 0 {
					next = append(next, metadata.PositionElem(p))
				}

				if et&metadata.TypeArray != 0 {
					pi.nested = true
				}
			}
		}

		positions = next
	}

	if pi.elem&metadata.TypeArray != 0 {
		pi.nested = true
	}

	return pi
}

// atomCond returns the SQL condition "some value reached at the path satisfies kcond", where
// kcond is an SQL condition on the value expression %[1]s with the given arguments.
//
// seek tells that kcond is an equality (or IN) that an index can seek: with t.correlated, a
// side-table condition is then checked row by row.
func (t *translator) atomCond(pi pathInfo, kcond string, args []any, seek bool) (string, []any) {
	if pi.simple() {
		return fmt.Sprintf(kcond, metadata.ValueExpr(pi.comps)), args
	}

	if side := t.r.SideTable(t.dbName, t.table, pi.path); side != "" {
		if t.correlated && seek && t.sideRows(side, fmt.Sprintf(kcond, "k"), args) >= manyRows {
			return fmt.Sprintf("EXISTS (SELECT 1 FROM %q WHERE %s AND rid = %q.rowid)", side, fmt.Sprintf(kcond, "k"), t.table), args
		}

		return fmt.Sprintf("%q.rowid IN (SELECT rid FROM %q WHERE %s)", t.table, side, fmt.Sprintf(kcond, "k")), args
	}

	t.alias++

	var parts []string

	var allArgs []any

	for _, b := range metadata.Expansion(fmt.Sprintf("%q.%s", t.table, metadata.DefaultColumn), pi.comps, fmt.Sprintf("pd%d_", t.alias)) {
		parts = append(parts, b.SQL("1", fmt.Sprintf(kcond, b.Key)))
		allArgs = append(allArgs, args...)
	}

	return "EXISTS (" + strings.Join(parts, " UNION ALL ") + ")", allArgs
}

// sideRows counts (up to manyRows) the side-table entries matching the condition.
func (t *translator) sideRows(side, kcond string, args []any) int {
	db := t.r.DatabaseGetExisting(t.ctx, t.dbName)
	if db == nil {
		return 0
	}

	var n int

	q := fmt.Sprintf("SELECT COUNT(*) FROM (SELECT 1 FROM %q WHERE %s LIMIT %d)", side, kcond, manyRows)
	if err := db.QueryRowContext(t.ctx, q, args...).Scan(&n); err != nil {
		return 0
	}

	return n
}

// filter translates a filter document. ok is false if the filter contains something the
// translator does not know (then nothing is pushed down, as upstream).
func (t *translator) filter(doc *types.Document) (cond, bool) {
	parts := make([]cond, 0, doc.Len())

	keys := doc.Keys()
	values := doc.Values()

	for i, k := range keys {
		c, ok := t.pair(k, values[i])
		if !ok {
			return cond{}, false
		}

		parts = append(parts, c)
	}

	return and(parts...), true
}

func (t *translator) pair(key string, value any) (cond, bool) {
	switch key {
	case "$and", "$or", "$nor":
		arr, ok := value.(*types.Array)
		if !ok || arr.Len() == 0 {
			return cond{}, false
		}

		cs := make([]cond, 0, arr.Len())

		for i := 0; i < arr.Len(); i++ {
			d, ok := must.NotFail(arr.Get(i)).(*types.Document)
			if !ok {
				return cond{}, false
			}

			c, ok := t.filter(d)
			if !ok {
				return cond{}, false
			}

			cs = append(cs, c)
		}

		switch key {
		case "$and":
			return and(cs...), true
		case "$or":
			return or(cs...), true
		default:
			return not(or(cs...)), true
		}

	case "$comment":
		return trueExact, true
	}

	if strings.HasPrefix(key, "$") {
		return cond{}, false
	}

	comps, ok := metadata.PathComponents(key)
	if !ok {
		return cond{}, false
	}

	pi := t.info(comps)

	switch v := value.(type) {
	case *types.Document:
		return t.operators(pi, v)
	case types.Regex:
		return t.regex(pi, v.Pattern, v.Options)
	case *types.Array:
		// array equality
		return trueInexact, true
	default:
		return t.eq(pi, v), true
	}
}

// regexValid reports whether FerretDB would accept the regular expression without error.
func regexValid(pattern, options string) bool {
	for _, o := range options {
		if o != 'i' && o != 'm' && o != 's' {
			return false
		}
	}

	_, err := types.Regex{Pattern: pattern, Options: options}.Compile()

	return err == nil
}

// operators translates {path: {$op: value, ...}}.
func (t *translator) operators(pi pathInfo, doc *types.Document) (cond, bool) {
	if doc.Len() == 0 {
		return trueInexact, true
	}

	keys := doc.Keys()
	values := doc.Values()

	for _, k := range keys {
		if !strings.HasPrefix(k, "$") {
			// document equality
			return trueInexact, true
		}
	}

	var options string

	if v, _ := doc.Get("$options"); v != nil {
		s, ok := v.(string)
		if !ok || !doc.Has("$regex") {
			return cond{}, false
		}

		options = s
	}

	cs := make([]cond, 0, len(keys))

	for i, k := range keys {
		v := values[i]

		switch k {
		case "$eq":
			switch v.(type) {
			case *types.Document, *types.Array, types.Regex:
				cs = append(cs, trueInexact)
			default:
				cs = append(cs, t.eq(pi, v))
			}

		case "$ne":
			switch v.(type) {
			case types.Regex:
				return cond{}, false
			case *types.Document, *types.Array:
				cs = append(cs, trueInexact)
			default:
				cs = append(cs, not(t.eq(pi, v)))
			}

		case "$gt", "$gte", "$lt", "$lte":
			if _, ok := v.(types.Regex); ok {
				return cond{}, false
			}

			cs = append(cs, t.cmp(pi, k, v))

		case "$in", "$nin":
			arr, ok := v.(*types.Array)
			if !ok {
				return cond{}, false
			}

			c, ok := t.in(pi, arr)
			if !ok {
				return cond{}, false
			}

			if k == "$nin" {
				c = not(c)
			}

			cs = append(cs, c)

		case "$exists":
			cs = append(cs, t.exists(pi, v))

		case "$regex":
			var pattern, opts string

			switch v := v.(type) {
			case string:
				pattern, opts = v, options
			case types.Regex:
				if v.Options != "" && options != "" {
					return cond{}, false
				}

				pattern, opts = v.Pattern, v.Options+options
			default:
				return cond{}, false
			}

			c, ok := t.regex(pi, pattern, opts)
			if !ok {
				return cond{}, false
			}

			cs = append(cs, c)

		case "$options":
			// with $regex

		default:
			return cond{}, false
		}
	}

	return and(cs...), true
}

// eq translates equality with a scalar (MongoDB: the value, or an array containing it).
func (t *translator) eq(pi pathInfo, v any) cond {
	arg, kind, ok := sqlValue(v)
	if !ok {
		return trueInexact
	}

	if kind == kindNull {
		// missing or null; arrays containing null also match, crossing paths are complex
		if !pi.simple() {
			return trueInexact
		}

		return cond{sql: metadata.ValueExpr(pi.comps) + " IS NULL", exact: true}
	}

	exact := !pi.nested && pi.atoms()&eqCollisions(kind, v) == 0

	if pi.simple() && (kind == kindString || kind == kindObjectID) && t.unique[pi.path] {
		// the unique index is on FerretDB's JSON-text expression: compare JSON texts
		j := string(must.NotFail(sjson.MarshalSingleValue(v)))
		return cond{sql: metadata.UniqueExpr(pi.comps) + " = ?", args: []any{j}, exact: exact}
	}

	sql, args := t.atomCond(pi, "%s = ?", []any{arg}, true)

	return cond{sql: sql, args: args, exact: exact}
}

// cmp translates $gt, $gte, $lt, $lte (MongoDB: within the type bracket of the value; for an
// array, some element).
func (t *translator) cmp(pi pathInfo, op string, v any) cond {
	arg, kind, ok := sqlValue(v)
	if !ok || kind == kindNull {
		return trueInexact
	}

	sqlOp := map[string]string{"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}[op]
	exact := !pi.nested && pi.atoms()&rangeCollisions(kind, op) == 0

	sql, args := t.atomCond(pi, "%s "+sqlOp+" ?", []any{arg}, false)

	return cond{sql: sql, args: args, exact: exact}
}

// in translates $in. ok is false for values FerretDB rejects.
func (t *translator) in(pi pathInfo, arr *types.Array) (cond, bool) {
	if arr.Len() == 0 {
		return falseExact, true
	}

	var (
		args    []any
		jsons   []any
		jsonOK  = pi.simple() && t.unique[pi.path]
		extra   []cond
		exact   = !pi.nested
		inexact bool
	)

	for i := 0; i < arr.Len(); i++ {
		switch e := must.NotFail(arr.Get(i)).(type) {
		case *types.Document:
			for _, k := range e.Keys() {
				if strings.HasPrefix(k, "$") {
					return cond{}, false
				}
			}

			inexact = true

		case *types.Array:
			inexact = true

		case types.Regex:
			c, ok := t.regex(pi, e.Pattern, e.Options)
			if !ok {
				return cond{}, false
			}

			extra = append(extra, c)

		case types.NullType:
			extra = append(extra, t.eq(pi, e))

		default:
			arg, kind, ok := sqlValue(e)
			if !ok {
				inexact = true
				continue
			}

			exact = exact && pi.atoms()&eqCollisions(kind, e) == 0
			args = append(args, arg)

			if kind == kindString || kind == kindObjectID {
				jsons = append(jsons, string(must.NotFail(sjson.MarshalSingleValue(e))))
			} else {
				jsonOK = false
			}
		}
	}

	if inexact {
		return trueInexact, true
	}

	var cs []cond

	if len(args) > 0 {
		placeholders := strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")

		if jsonOK {
			cs = append(cs, cond{sql: metadata.UniqueExpr(pi.comps) + " IN (" + placeholders + ")", args: jsons, exact: exact})
		} else {
			sql, sqlArgs := t.atomCond(pi, "%s IN ("+placeholders+")", args, true)
			cs = append(cs, cond{sql: sql, args: sqlArgs, exact: exact})
		}
	}

	return or(append(cs, extra...)...), true
}

// exists translates $exists.
func (t *translator) exists(pi pathInfo, v any) cond {
	b, ok := v.(bool)
	if !ok {
		// FerretDB matches every document
		return trueExact
	}

	if pi.crossing {
		return trueInexact
	}

	sql := fmt.Sprintf("json_type(%s, %s) IS NOT NULL", metadata.DefaultColumn, metadata.JSONPath(pi.comps))
	if !b {
		sql = fmt.Sprintf("json_type(%s, %s) IS NULL", metadata.DefaultColumn, metadata.JSONPath(pi.comps))
	}

	return cond{sql: sql, exact: true}
}

// regex translates a regular expression match (strings, or strings in arrays).
// ok is false for regular expressions FerretDB rejects.
func (t *translator) regex(pi pathInfo, pattern, options string) (cond, bool) {
	if !regexValid(pattern, options) {
		return cond{}, false
	}

	atoms := pi.atoms()

	if atoms&metadata.TypeRegex != 0 {
		// regex values are compared, not matched: not even a superset
		return trueInexact, true
	}

	exact := !pi.nested && atoms&(textTypes&^metadata.TypeString) == 0

	// A regular expression cannot use an index to seek, but it can be evaluated on the values an
	// index holds, without reading (and parsing) the documents: a subquery that SQLite answers by
	// scanning the index.
	if pi.simple() {
		var expr string
		var args []any

		v := metadata.ValueExpr(pi.comps)

		switch {
		case t.inValue[pi.path]:
			if lit, ok := metadata.RegexLiteral(pattern, options); ok {
				// SQLite's instr() finds the literal without a call into Go for every value
				expr = fmt.Sprintf("typeof(%[1]s) = 'text' AND instr(%[1]s, ?) > 0", v)
				args = []any{lit}
			} else {
				expr = metadata.RegexpFunction + "(?, ?, " + v + ")"
				args = []any{pattern, options}
			}
		case t.inUniq[pi.path]:
			expr = metadata.RegexpJSONFunction + "(?, ?, " + metadata.UniqueExpr(pi.comps) + ")"
			args = []any{pattern, options}
		}

		if expr != "" {
			sql := fmt.Sprintf("%[1]q.rowid IN (SELECT rowid FROM %[1]q WHERE %[2]s)", t.table, expr)
			return cond{sql: sql, args: args, exact: exact}, true
		}
	}

	if lit, ok := metadata.RegexLiteral(pattern, options); ok {
		sql, args := t.atomCond(pi, "typeof(%[1]s) = 'text' AND instr(%[1]s, ?) > 0", []any{lit}, false)
		return cond{sql: sql, args: args, exact: exact}, true
	}

	sql, args := t.atomCond(pi, metadata.RegexpFunction+"(?, ?, %s)", []any{pattern, options}, false)

	return cond{sql: sql, args: args, exact: exact}, true
}

// orderBy translates a sort document; ok is false if SQLite would not order exactly like FerretDB.
func (t *translator) orderBy(sort *types.Document) (string, bool) {
	if sort.Len() == 0 {
		return "", true
	}

	parts := make([]string, 0, sort.Len())

	keys := sort.Keys()
	values := sort.Values()

	for i, k := range keys {
		dir, ok := values[i].(int64)
		if !ok || (dir != 1 && dir != -1) || k == "$natural" {
			return "", false
		}

		comps, ok := metadata.PathComponents(k)
		if !ok {
			return "", false
		}

		pi := t.info(comps)
		if !pi.simple() || !sortable(pi.leaf) {
			return "", false
		}

		col := metadata.ValueExpr(comps)
		if dir == -1 {
			col += " DESC"
		}

		parts = append(parts, col)
	}

	return " ORDER BY " + strings.Join(parts, ", "), true
}

// sortable reports whether SQLite orders values of these types (ValueExpr) like FerretDB's sort:
// null/missing first, then one bracket among numbers, dates and booleans, then one among strings
// and ObjectIds (numbers only may precede a text bracket).
func sortable(types uint16) bool {
	m := types &^ metadata.TypeNull

	if m&(metadata.TypeObject|metadata.TypeArray|metadata.TypeBinData|metadata.TypeRegex|metadata.TypeTimestamp) != 0 {
		return false
	}

	var numBrackets, textBrackets int

	for _, b := range []uint16{metadata.TypeNumber, metadata.TypeDate, metadata.TypeBool} {
		if m&b != 0 {
			numBrackets++
		}
	}

	for _, b := range []uint16{metadata.TypeString, metadata.TypeObjectID} {
		if m&b != 0 {
			textBrackets++
		}
	}

	if numBrackets > 1 || textBrackets > 1 {
		return false
	}

	if numBrackets == 1 && textBrackets == 1 && m&metadata.TypeNumber == 0 {
		return false
	}

	return true
}

// limitClause returns LIMIT/OFFSET for ExactLimit and Skip.
func limitClause(limit, skip int64) (string, []any) {
	if limit == 0 && skip == 0 {
		return "", nil
	}

	if limit == 0 {
		limit = -1
	}

	return " LIMIT ? OFFSET ?", []any{limit, skip}
}

// snapshotIterator reads the first row of the rows (SQLite takes the statement's snapshot on
// the first step), then checks that the census the translation used did not change meanwhile.
// It returns nil (rows closed) if it did: the query must be translated again.
func snapshotIterator(ctx context.Context, rows *fsql.Rows, onlyRecordIDs bool, tr *translator) (types.DocumentsIterator, error) {
	iter := newQueryIterator(ctx, rows, onlyRecordIDs)

	_, first, err := iter.Next()

	done := errors.Is(err, iterator.ErrIteratorDone)
	if err != nil && !done {
		iter.Close()
		return nil, err
	}

	if tr.census.Changed() {
		iter.Close()
		return nil, nil
	}

	if done {
		return iter, nil
	}

	return &peekedIterator{first: first, rest: iter}, nil
}

// peekedIterator returns an already read document, then the rest.
type peekedIterator struct {
	first *types.Document
	rest  types.DocumentsIterator
}

// Next implements iterator.Interface.
func (p *peekedIterator) Next() (struct{}, *types.Document, error) {
	if p.first != nil {
		d := p.first
		p.first = nil

		return struct{}{}, d, nil
	}

	return p.rest.Next()
}

// Close implements iterator.Interface.
func (p *peekedIterator) Close() {
	p.first = nil
	p.rest.Close()
}
