// Copyright 2021 FerretDB Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package sqlite

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// PATCHED (embedded-db): Query and Explain translate the filter (and, when exact, the sort, skip,
// limit and count) to SQL with pushdown.go; InsertAll and UpdateAll keep the census up to date.

// collection implements backends.Collection interface.
type collection struct {
	r      *metadata.Registry
	dbName string
	name   string
}

// newCollection creates a new Collection.
func newCollection(r *metadata.Registry, dbName, name string) backends.Collection {
	return backends.CollectionContract(&collection{
		r:      r,
		dbName: dbName,
		name:   name,
	})
}

// Query implements backends.Collection interface.
func (c *collection) Query(ctx context.Context, params *backends.QueryParams) (*backends.QueryResult, error) {
	db := c.r.DatabaseGetExisting(ctx, c.dbName)
	if db == nil {
		return &backends.QueryResult{
			Iter: newQueryIterator(ctx, nil, params.OnlyRecordIDs),
		}, nil
	}

	meta := c.r.CollectionGet(ctx, c.dbName, c.name)
	if meta == nil {
		return &backends.QueryResult{
			Iter: newQueryIterator(ctx, nil, params.OnlyRecordIDs),
		}, nil
	}

	// PATCHED (embedded-db): translated filter; exact sort, skip, limit and count.
	// A translation relies on the census (the types of the table's documents): if a write added
	// types between the translation and the moment the SQL statement took its snapshot, the
	// statement may see documents the translation did not account for, so it is run again.
	for attempt := 0; ; attempt++ {
		tr, pd, pdOK := c.translate(ctx, meta, params.Filter)
		if attempt >= 3 {
			pdOK = false // a table whose types keep changing: upstream behaviour
		}

		res, err := c.query(ctx, db, meta, params, tr, pd, pdOK)
		if err != nil {
			return nil, err
		}

		if res != nil {
			return res, nil
		}
	}
}

// query runs Query with a translation (PATCHED (embedded-db)). It returns nil if the census
// changed before the statement's snapshot and the query must be translated again.
func (c *collection) query(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.QueryParams, tr *translator, pd cond, pdOK bool) (*backends.QueryResult, error) { //nolint:lll // for readability
	q := prepareSelectClause(meta.TableName, params.Comment, meta.Capped(), params.OnlyRecordIDs)

	var whereClause string
	var args []any

	switch {
	case pdOK:
		if pd.sql != "" {
			whereClause = " WHERE " + pd.sql
			args = pd.args
		}

	case params.Filter.Len() == 1:
		// upstream: that logic should exist in one place
		// TODO https://github.com/FerretDB/FerretDB/issues/3235
		v, _ := params.Filter.Get("_id")
		switch v.(type) {
		case string, types.ObjectID:
			whereClause = fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		}
	}

	if params.Exact && pdOK && pd.exact && !meta.Capped() && params.Sort.Len() == 0 {
		if params.CountOnly {
			cq := fmt.Sprintf(`SELECT COUNT(*) FROM %q%s`, meta.TableName, whereClause)
			cargs := args

			if lc, largs := limitClause(params.ExactLimit, params.Skip); lc != "" {
				cq = fmt.Sprintf(`SELECT COUNT(*) FROM (SELECT 1 FROM %q%s%s)`, meta.TableName, whereClause, lc)
				cargs = append(slices.Clone(args), largs...)
			}

			var n int64
			if err := db.QueryRowContext(ctx, cq, cargs...).Scan(&n); err != nil {
				return nil, lazyerrors.Error(err)
			}

			if tr.census.Changed() {
				return nil, nil
			}

			return &backends.QueryResult{
				Iter:  newQueryIterator(ctx, nil, params.OnlyRecordIDs),
				Exact: true,
				Count: n,
			}, nil
		}

		if orderBy, ok := tr.orderBy(params.FieldSort); ok {
			lc, largs := limitClause(params.ExactLimit, params.Skip)

			// a page in index order: side-table conditions checked row by row (see translator)
			if orderBy != "" && params.ExactLimit > 0 {
				if ctr, cpd, ok := c.translateWith(ctx, meta, params.Filter, true); ok && cpd.exact && ctr.census.Same(tr.census) {
					whereClause, args = "", nil
					if cpd.sql != "" {
						whereClause = " WHERE " + cpd.sql
						args = cpd.args
					}
				}
			}

			q += whereClause + orderBy + lc

			rows, err := db.QueryContext(ctx, q, append(slices.Clone(args), largs...)...)
			if err != nil {
				return nil, lazyerrors.Error(err)
			}

			iter, err := snapshotIterator(ctx, rows, params.OnlyRecordIDs, tr)
			if iter == nil || err != nil {
				return nil, err
			}

			return &backends.QueryResult{
				Iter:  iter,
				Exact: true,
			}, nil
		}
	}

	q += whereClause
	q += prepareOrderByClause(params.Sort)

	if params.Limit != 0 {
		q += ` LIMIT ?`
		args = append(args, params.Limit)
	}

	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	if !pdOK {
		return &backends.QueryResult{
			Iter: newQueryIterator(ctx, rows, params.OnlyRecordIDs),
		}, nil
	}

	// even a wider condition relies on the census (arrays, for example)
	iter, err := snapshotIterator(ctx, rows, params.OnlyRecordIDs, tr)
	if iter == nil || err != nil {
		return nil, err
	}

	return &backends.QueryResult{
		Iter: iter,
	}, nil
}

// translate translates the filter (PATCHED (embedded-db)).
// ok is false if the filter cannot be translated or the census is not available.
func (c *collection) translate(ctx context.Context, meta *metadata.Collection, filter *types.Document) (*translator, cond, bool) {
	return c.translateWith(ctx, meta, filter, false)
}

// translateWith is translate, with correlated side-table conditions if asked.
func (c *collection) translateWith(ctx context.Context, meta *metadata.Collection, filter *types.Document, correlated bool) (*translator, cond, bool) { //nolint:lll // for readability
	tr := newTranslator(ctx, c.r, c.dbName, meta)
	if tr == nil {
		return nil, cond{}, false
	}

	tr.correlated = correlated

	if filter == nil {
		return tr, trueExact, true
	}

	pd, ok := tr.filter(filter)

	return tr, pd, ok
}

// InsertAll implements backends.Collection interface.
func (c *collection) InsertAll(ctx context.Context, params *backends.InsertAllParams) (*backends.InsertAllResult, error) {
	if _, err := c.r.CollectionCreate(ctx, &metadata.CollectionCreateParams{DBName: c.dbName, Name: c.name}); err != nil {
		return nil, lazyerrors.Error(err)
	}

	db := c.r.DatabaseGetExisting(ctx, c.dbName)
	meta := c.r.CollectionGet(ctx, c.dbName, c.name)

	var needSide bool

	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		// PATCHED (embedded-db): census first, before the transaction commits
		pairs := c.r.CensusObserve(c.dbName, meta.TableName, params.Docs)
		if err := metadata.CensusPersist(ctx, tx, meta.TableName, pairs); err != nil {
			return err
		}

		needSide = c.r.NeedsSideTable(c.dbName, meta, pairs)

		batchSize := c.r.BatchSize
		if batchSize < 1 {
			panic("batch-size should be greater or equal to 1")
		}

		var batch []*types.Document
		docs := params.Docs

		for len(docs) > 0 {
			i := min(batchSize, len(docs))
			batch, docs = docs[:i], docs[i:]

			q, args, err := prepareInsertStatement(meta.TableName, meta.Capped(), batch)
			if err != nil {
				return lazyerrors.Error(err)
			}

			if _, err = tx.ExecContext(ctx, q, args...); err != nil {
				var se *sqlite3.Error
				if errors.As(err, &se) && se.Code() == sqlite3lib.SQLITE_CONSTRAINT_UNIQUE {
					return backends.NewError(backends.ErrorCodeInsertDuplicateID, err)
				}

				return lazyerrors.Error(err)
			}
		}

		return nil
	})
	if err != nil {
		return nil, err
	}

	if needSide {
		c.r.PushdownMaintainAsync(c.dbName, c.name)
	}

	return new(backends.InsertAllResult), nil
}

// UpdateAll implements backends.Collection interface.
func (c *collection) UpdateAll(ctx context.Context, params *backends.UpdateAllParams) (*backends.UpdateAllResult, error) {
	var res backends.UpdateAllResult
	db := c.r.DatabaseGetExisting(ctx, c.dbName)
	if db == nil {
		return &res, nil
	}

	meta := c.r.CollectionGet(ctx, c.dbName, c.name)
	if meta == nil {
		return &res, nil
	}

	q := fmt.Sprintf(`UPDATE %q SET %s = ? WHERE %s = ?`, meta.TableName, metadata.DefaultColumn, metadata.IDColumn)

	// PATCHED (embedded-db): the upstream WHERE does not match the unique index on _id
	// (FerretDB's `->"_id"`), so every update scanned the table
	q = fmt.Sprintf(`UPDATE %q SET %s = ? WHERE %s = ?`, meta.TableName, metadata.DefaultColumn, metadata.UniqueExpr([]string{"_id"}))

	var needSide bool

	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		// PATCHED (embedded-db): census first, before the transaction commits
		pairs := c.r.CensusObserve(c.dbName, meta.TableName, params.Docs)
		if err := metadata.CensusPersist(ctx, tx, meta.TableName, pairs); err != nil {
			return err
		}

		needSide = c.r.NeedsSideTable(c.dbName, meta, pairs)

		for _, doc := range params.Docs {
			b, err := sjson.Marshal(doc)
			if err != nil {
				return lazyerrors.Error(err)
			}

			id, _ := doc.Get("_id")
			must.NotBeZero(id)

			arg := string(must.NotFail(sjson.MarshalSingleValue(id)))

			r, err := tx.ExecContext(ctx, q, string(b), arg)
			if err != nil {
				return lazyerrors.Error(err)
			}

			ra, err := r.RowsAffected()
			if err != nil {
				return lazyerrors.Error(err)
			}

			res.Updated += int32(ra)
		}

		return nil
	})
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	if needSide {
		c.r.PushdownMaintainAsync(c.dbName, c.name)
	}

	return &res, nil
}

// DeleteAll implements backends.Collection interface.
func (c *collection) DeleteAll(ctx context.Context, params *backends.DeleteAllParams) (*backends.DeleteAllResult, error) {
	db := c.r.DatabaseGetExisting(ctx, c.dbName)
	if db == nil {
		return &backends.DeleteAllResult{Deleted: 0}, nil
	}

	meta := c.r.CollectionGet(ctx, c.dbName, c.name)
	if meta == nil {
		return &backends.DeleteAllResult{Deleted: 0}, nil
	}

	// TODO https://github.com/FerretDB/FerretDB/issues/3888

	var column string
	var placeholders []string
	var args []any

	if params.RecordIDs == nil {
		placeholders = make([]string, len(params.IDs))
		args = make([]any, len(params.IDs))

		for i, id := range params.IDs {
			placeholders[i] = "?"
			args[i] = string(must.NotFail(sjson.MarshalSingleValue(id)))
		}

		column = metadata.UniqueExpr([]string{"_id"}) // PATCHED (embedded-db): index-matching expression
	} else {
		placeholders = make([]string, len(params.RecordIDs))
		args = make([]any, len(params.RecordIDs))

		for i, id := range params.RecordIDs {
			placeholders[i] = "?"
			args[i] = id
		}

		column = metadata.RecordIDColumn
	}

	q := fmt.Sprintf(`DELETE FROM %q WHERE %s IN (%s)`, meta.TableName, column, strings.Join(placeholders, ", "))

	res, err := db.ExecContext(ctx, q, args...)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	ra, err := res.RowsAffected()
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	return &backends.DeleteAllResult{
		Deleted: int32(ra),
	}, nil
}

// Explain implements backends.Collection interface.
func (c *collection) Explain(ctx context.Context, params *backends.ExplainParams) (*backends.ExplainResult, error) {
	db := c.r.DatabaseGetExisting(ctx, c.dbName)
	if db == nil {
		return &backends.ExplainResult{
			QueryPlanner: must.NotFail(types.NewDocument()),
		}, nil
	}

	meta := c.r.CollectionGet(ctx, c.dbName, c.name)
	if meta == nil {
		return &backends.ExplainResult{
			QueryPlanner: must.NotFail(types.NewDocument()),
		}, nil
	}

	selectClause := prepareSelectClause(meta.TableName, "", meta.Capped(), false)

	var filterPushdown bool
	var whereClause string
	var args []any

	// PATCHED (embedded-db): the translated filter, as Query uses it.
	tr, pd, pdOK := c.translate(ctx, meta, params.Filter)
	if pdOK {
		if pd.sql != "" {
			filterPushdown = true
			whereClause = " WHERE " + pd.sql
			args = pd.args
		}
	} else if params.Filter.Len() == 1 {
		// that logic should exist in one place
		// TODO https://github.com/FerretDB/FerretDB/issues/3235
		v, _ := params.Filter.Get("_id")
		switch v.(type) {
		case string, types.ObjectID:
			filterPushdown = true
			whereClause = fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		}
	}

	orderByClause := prepareOrderByClause(params.Sort)
	sortPushdown := orderByClause != ""

	// PATCHED (embedded-db): exact sort, skip and limit, as Query applies them.
	var exact bool

	if params.Exact && pdOK && pd.exact && !meta.Capped() && params.Sort.Len() == 0 {
		if ob, ok := tr.orderBy(params.FieldSort); ok {
			exact = true
			orderByClause = ob
			sortPushdown = ob != ""

			// as Query does
			if ob != "" && params.ExactLimit > 0 {
				if ctr, cpd, ok := c.translateWith(ctx, meta, params.Filter, true); ok && cpd.exact && ctr.census.Same(tr.census) {
					whereClause, args = "", nil
					if cpd.sql != "" {
						whereClause = " WHERE " + cpd.sql
						args = cpd.args
					}
				}
			}
		}
	}

	q := `EXPLAIN QUERY PLAN ` + selectClause + whereClause + orderByClause

	var limitPushdown bool

	if exact {
		lc, largs := limitClause(params.ExactLimit, params.Skip)
		q += lc
		args = append(args, largs...)
		limitPushdown = lc != ""
	} else if params.Limit != 0 {
		q += ` LIMIT ?`
		args = append(args, params.Limit)
		limitPushdown = true
	}

	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	defer rows.Close()

	queryPlan, err := types.NewArray()
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	for rows.Next() {
		var id int32
		var parent int32
		var notused int32
		var detail string

		// SQLite query plan can be interpreted as a tree.
		// Each row of query plan represents a node of this tree,
		// it contains node id, parent id, auxiliary integer field, and a description.
		// See https://www.sqlite.org/eqp.html for further details.
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			return nil, lazyerrors.Error(err)
		}

		queryPlan.Append(fmt.Sprintf("id=%d parent=%d notused=%d detail=%s", id, parent, notused, detail))
	}

	return &backends.ExplainResult{
		QueryPlanner:   must.NotFail(types.NewDocument("Plan", queryPlan)),
		FilterPushdown: filterPushdown,
		SortPushdown:   sortPushdown,
		LimitPushdown:  limitPushdown,
		ExactPushdown:  exact,
	}, nil
}

// Stats implements backends.Collection interface.
func (c *collection) Stats(ctx context.Context, params *backends.CollectionStatsParams) (*backends.CollectionStatsResult, error) {
	db := c.r.DatabaseGetExisting(ctx, c.dbName)
	if db == nil {
		return nil, backends.NewError(
			backends.ErrorCodeCollectionDoesNotExist,
			lazyerrors.Errorf("no ns %s.%s", c.dbName, c.name),
		)
	}

	coll := c.r.CollectionGet(ctx, c.dbName, c.name)
	if coll == nil {
		return nil, backends.NewError(
			backends.ErrorCodeCollectionDoesNotExist,
			lazyerrors.Errorf("no ns %s.%s", c.dbName, c.name),
		)
	}
	stats, err := collectionsStats(ctx, db, []*metadata.Collection{coll}, params.Refresh)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	placeholders := make([]string, 0, len(coll.Settings.Indexes))
	args := make([]any, 0, len(coll.Settings.Indexes))
	indexMap := map[string]string{}

	for _, index := range coll.Settings.Indexes {
		placeholders = append(placeholders, "?")
		args = append(args, coll.TableName+"_"+index.Name)
		indexMap[coll.TableName+"_"+index.Name] = index.Name
	}

	q := fmt.Sprintf(`
		SELECT
			name,
			pgsize
		FROM dbstat
		WHERE name IN (%s) AND aggregate = TRUE`,
		strings.Join(placeholders, ", "),
	)

	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	defer rows.Close()

	indexSizes := make([]backends.IndexSize, len(indexMap))
	var i int

	for rows.Next() {
		var name string
		var size int64

		if err = rows.Scan(&name, &size); err != nil {
			return nil, lazyerrors.Error(err)
		}

		indexName, ok := indexMap[name]
		if !ok {
			// new index have been created since fetching metadata
			continue
		}

		indexSizes[i] = backends.IndexSize{
			Name: indexName,
			Size: size,
		}
		i++
	}

	if rows.Err() != nil {
		return nil, lazyerrors.Error(rows.Err())
	}

	return &backends.CollectionStatsResult{
		CountDocuments:  stats.countDocuments,
		SizeTotal:       stats.sizeTables + stats.sizeIndexes,
		SizeIndexes:     stats.sizeIndexes,
		SizeCollection:  stats.sizeTables,
		IndexSizes:      indexSizes,
		SizeFreeStorage: stats.sizeFreeStorage,
	}, nil
}

// Compact implements backends.Collection interface.
func (c *collection) Compact(ctx context.Context, params *backends.CompactParams) (*backends.CompactResult, error) {
	db := c.r.DatabaseGetExisting(ctx, c.dbName)
	if db == nil {
		return nil, backends.NewError(
			backends.ErrorCodeDatabaseDoesNotExist,
			lazyerrors.Errorf("no ns %s.%s", c.dbName, c.name),
		)
	}

	coll := c.r.CollectionGet(ctx, c.dbName, c.name)
	if coll == nil {
		return nil, backends.NewError(
			backends.ErrorCodeCollectionDoesNotExist,
			lazyerrors.Errorf("no ns %s.%s", c.dbName, c.name),
		)
	}

	q := `PRAGMA incremental_vacuum`
	if params != nil && params.Full {
		q = `VACUUM`
	}

	if _, err := db.ExecContext(ctx, q); err != nil {
		return nil, lazyerrors.Error(err)
	}

	return new(backends.CompactResult), nil
}

// ListIndexes implements backends.Collection interface.
func (c *collection) ListIndexes(ctx context.Context, params *backends.ListIndexesParams) (*backends.ListIndexesResult, error) {
	db := c.r.DatabaseGetExisting(ctx, c.dbName)
	if db == nil {
		return nil, backends.NewError(
			backends.ErrorCodeCollectionDoesNotExist,
			lazyerrors.Errorf("no ns %s.%s", c.dbName, c.name),
		)
	}

	coll := c.r.CollectionGet(ctx, c.dbName, c.name)
	if coll == nil {
		return nil, backends.NewError(
			backends.ErrorCodeCollectionDoesNotExist,
			lazyerrors.Errorf("no ns %s.%s", c.dbName, c.name),
		)
	}

	res := backends.ListIndexesResult{
		Indexes: make([]backends.IndexInfo, len(coll.Settings.Indexes)),
	}

	for i, index := range coll.Settings.Indexes {
		res.Indexes[i] = backends.IndexInfo{
			Name:   index.Name,
			Unique: index.Unique,
			Key:    make([]backends.IndexKeyPair, len(index.Key)),
		}

		for j, key := range index.Key {
			res.Indexes[i].Key[j] = backends.IndexKeyPair{
				Field:      key.Field,
				Descending: key.Descending,
			}
		}
	}

	sort.Slice(res.Indexes, func(i, j int) bool {
		return res.Indexes[i].Name < res.Indexes[j].Name
	})

	return &res, nil
}

// CreateIndexes implements backends.Collection interface.
func (c *collection) CreateIndexes(ctx context.Context, params *backends.CreateIndexesParams) (*backends.CreateIndexesResult, error) { //nolint:lll // for readability
	indexes := make([]metadata.IndexInfo, len(params.Indexes))
	for i, index := range params.Indexes {
		indexes[i] = metadata.IndexInfo{
			Name:   index.Name,
			Key:    make([]metadata.IndexKeyPair, len(index.Key)),
			Unique: index.Unique,
		}

		for j, key := range index.Key {
			indexes[i].Key[j] = metadata.IndexKeyPair{
				Field:      key.Field,
				Descending: key.Descending,
			}
		}
	}

	err := c.r.IndexesCreate(ctx, c.dbName, c.name, indexes)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	return new(backends.CreateIndexesResult), nil
}

// DropIndexes implements backends.Collection interface.
func (c *collection) DropIndexes(ctx context.Context, params *backends.DropIndexesParams) (*backends.DropIndexesResult, error) {
	err := c.r.IndexesDrop(ctx, c.dbName, c.name, params.Indexes)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	return new(backends.DropIndexesResult), nil
}

// check interfaces
var (
	_ backends.Collection = (*collection)(nil)
)
