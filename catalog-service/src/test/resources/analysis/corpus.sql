-- The statement analysis corpus: every kind of statement Flink 1.20's parser accepts, with the analysis each must
-- get. Read by StatementCorpusTest (the format is described in Corpus.java). The session is catalog `cat`, database
-- `db` unless a block says `-- scope:`; StatementCorpusTest.SESSION defines the views and temporary objects used here:
--   cat.db.big_orders        view: SELECT id, customer_id, amount FROM orders WHERE amount > 100
--   cat.db.customer_totals   view: SELECT b.customer_id, SUM(b.amount) AS total FROM big_orders b GROUP BY ...
--   cat.db.customer_names    view, as Flink stores it: SELECT `customers`.`id`, `customers`.`name` FROM `cat`.`db`...
--   other.sales.eu_orders    view defined in other.sales: SELECT * FROM orders
--   cat.db.recent_orders     temporary view: SELECT id, ts FROM orders WHERE ts > ...
--   cat.db.scratch           temporary table

-- ===================================================================== queries

-- name: select with a condition
-- kind: QUERY
-- reads: cat.db.orders{id,amount}
SELECT id, amount FROM orders WHERE amount > 10

-- name: select star reads all columns
-- kind: QUERY
-- reads: cat.db.orders
SELECT * FROM orders

-- name: 2-part name resolves in the current catalog
-- kind: QUERY
-- reads: cat.sales.orders{id}
SELECT id FROM sales.orders

-- name: 3-part names across catalogs, joined with aliases
-- kind: QUERY
-- reads: hive.dw.orders{id,customer_id}, mysql.crm.customers{id,name}
SELECT o.id, c.name FROM hive.dw.orders AS o JOIN mysql.crm.customers c ON o.customer_id = c.id

-- name: unqualified columns of a join cannot be attributed
-- kind: QUERY
-- reads: cat.db.orders, cat.db.customers
SELECT name, amount FROM orders JOIN customers ON orders.customer_id = customers.id

-- name: qualified by the full table name
-- kind: QUERY
-- reads: cat.db.orders{id,amount}
SELECT cat.db.orders.id, db.orders.amount FROM cat.db.orders

-- name: quoted identifiers with back-ticks
-- kind: QUERY
-- reads: cat.`my db`.`order-lines`{`unit price`,`order id`}
SELECT `unit price` FROM `my db`.`order-lines` WHERE `order id` = 1

-- name: case matters (Lex.JAVA)
-- kind: QUERY
-- reads: cat.db.Orders{ID}, cat.db.orders{id}
SELECT o.ID, p.id FROM Orders o, orders p

-- name: comments and hints are ignored
-- kind: QUERY
-- reads: cat.db.orders{id,status}
/* a leading comment */ SELECT id -- the key
FROM orders /*+ OPTIONS('scan.startup.mode'='earliest-offset') */
WHERE status = 'NEW' -- only new ones; not the end

-- name: a CTE shadows a table of the same name
-- kind: QUERY
-- reads: cat.db.orders{customer_id,amount}
WITH customers AS (SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id)
SELECT customer_id, total FROM customers

-- name: a CTE's own query reads the table it shadows
-- kind: QUERY
-- reads: cat.db.orders{id}
WITH orders AS (SELECT id FROM orders) SELECT id FROM orders

-- name: CTEs referring to CTEs
-- kind: QUERY
-- reads: cat.db.orders{customer_id,amount}, cat.db.customers{id,country}
WITH totals AS (SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id),
     rich AS (SELECT t.customer_id FROM totals t WHERE t.total > 1000)
SELECT c.country, COUNT(*) FROM rich r JOIN customers c ON r.customer_id = c.id GROUP BY c.country

-- name: subquery in IN and correlated EXISTS
-- kind: QUERY
-- reads: cat.db.orders{id,customer_id}, cat.db.customers{id,country}, cat.db.blocked{customer_id}
SELECT o.id FROM orders o
WHERE o.customer_id IN (SELECT id FROM customers WHERE country = 'DE')
  AND NOT EXISTS (SELECT 1 FROM blocked b WHERE b.customer_id = o.customer_id)

-- name: scalar subquery in the select list
-- kind: QUERY
-- reads: cat.db.customers{id,name}, cat.db.orders{customer_id}
SELECT c.name, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS orders FROM customers c

-- name: derived table
-- kind: QUERY
-- reads: cat.db.orders{customer_id,amount}
SELECT x.customer_id FROM (SELECT customer_id, amount FROM orders) AS x WHERE x.amount > 5

-- name: UNION ALL across three catalogs
-- kind: QUERY
-- reads: hive.dw.orders{id}, iceberg.lake.orders{id}, cat.db.orders{id}
SELECT id FROM hive.dw.orders UNION ALL SELECT id FROM iceberg.lake.orders UNION ALL SELECT id FROM orders

-- name: INTERSECT and EXCEPT
-- kind: QUERY
-- reads: cat.db.a{k}, cat.db.b{k}, cat.db.c{k}
(SELECT k FROM a INTERSECT SELECT k FROM b) EXCEPT SELECT k FROM c

-- name: ORDER BY an alias, and LIMIT
-- kind: QUERY
-- reads: cat.db.orders{amount,ts}
SELECT amount * 2 AS doubled FROM orders ORDER BY doubled DESC, ts LIMIT 10

-- name: GROUP BY and HAVING
-- kind: QUERY
-- reads: cat.db.orders{customer_id,amount}
SELECT customer_id FROM orders GROUP BY customer_id HAVING SUM(amount) > 100

-- name: VALUES reads nothing
-- kind: QUERY
VALUES (1, 'a'), (2, 'b')

-- name: TABLE t
-- kind: QUERY
-- reads: cat.db.orders
TABLE orders

-- name: EXECUTE of a query is a query
-- kind: QUERY
-- reads: cat.db.orders{id}
EXECUTE SELECT id FROM orders

-- name: TUMBLE window TVF reads its table
-- kind: QUERY
-- reads: cat.db.orders{amount,ts}
SELECT window_start, window_end, SUM(amount)
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end

-- name: HOP window TVF with named arguments
-- kind: QUERY
-- reads: cat.db.clicks{user_id,ts}
SELECT user_id, window_start, COUNT(*)
FROM TABLE(HOP(DATA => TABLE clicks, TIMECOL => DESCRIPTOR(ts), SLIDE => INTERVAL '1' MINUTE, SIZE => INTERVAL '5' MINUTES))
GROUP BY user_id, window_start, window_end

-- name: CUMULATE window TVF under an alias
-- kind: QUERY
-- reads: cat.db.orders{amount,ts}
SELECT w.window_end, SUM(w.amount)
FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' HOUR)) AS w
GROUP BY w.window_start, w.window_end

-- name: SESSION window TVF with PARTITION BY
-- kind: QUERY
-- reads: cat.db.clicks{user_id,ts}
SELECT user_id, window_start, COUNT(*)
FROM TABLE(SESSION(TABLE clicks PARTITION BY user_id, DESCRIPTOR(ts), INTERVAL '5' MINUTES))
GROUP BY user_id, window_start, window_end

-- name: window TVF over a view
-- kind: QUERY
-- reads: cat.db.orders{id,ts}
-- views: cat.db.recent_orders
SELECT window_start, COUNT(id) FROM TABLE(TUMBLE(TABLE recent_orders, DESCRIPTOR(ts), INTERVAL '1' HOUR))
GROUP BY window_start, window_end

-- name: lookup join FOR SYSTEM_TIME AS OF
-- kind: QUERY
-- reads: cat.db.orders{id,customer_id,proc_time}, mysql.crm.customers{id,name}
SELECT o.id, c.name
FROM orders AS o
JOIN mysql.crm.customers FOR SYSTEM_TIME AS OF o.proc_time AS c ON o.customer_id = c.id

-- name: temporal join with a versioned table
-- kind: QUERY
-- reads: cat.db.orders{amount,currency,ts}, cat.db.rates{currency,rate}
SELECT o.amount * r.rate FROM orders o
LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency

-- name: LATERAL TABLE is a function, not a table
-- kind: QUERY
-- reads: cat.db.orders{id,line}
SELECT o.id, word FROM orders o, LATERAL TABLE(split_words(o.line)) AS T(word)

-- name: LEFT JOIN LATERAL TABLE ON TRUE
-- kind: QUERY
-- reads: cat.db.orders{id,tags}
SELECT o.id, t.tag FROM orders o LEFT JOIN LATERAL TABLE(explode(o.tags)) AS t(tag) ON TRUE

-- name: CROSS JOIN UNNEST
-- kind: QUERY
-- reads: cat.db.orders{id,tags}
SELECT o.id, tag FROM orders o CROSS JOIN UNNEST(o.tags) AS u(tag)

-- name: MATCH_RECOGNIZE
-- kind: QUERY
-- reads: cat.db.ticker{symbol,ts,price}
SELECT *
FROM ticker
MATCH_RECOGNIZE (
  PARTITION BY symbol
  ORDER BY ts
  MEASURES FIRST(A.price) AS start_price, LAST(B.price) AS bottom_price
  ONE ROW PER MATCH
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+)
  DEFINE B AS B.price < PREV(B.price)
) AS T

-- name: OVER window with a RANGE frame
-- kind: QUERY
-- reads: cat.db.orders{customer_id,amount,ts}
SELECT customer_id, SUM(amount) OVER (
  PARTITION BY customer_id ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) AS hourly
FROM orders

-- name: named WINDOW clause
-- kind: QUERY
-- reads: cat.db.orders{customer_id,proc_time}
SELECT customer_id, COUNT(*) OVER w FROM orders WINDOW w AS (PARTITION BY customer_id ORDER BY proc_time)

-- name: functions without parentheses are not columns
-- kind: QUERY
-- reads: cat.db.orders{id,ts}
SELECT id, CURRENT_TIMESTAMP, LOCALTIMESTAMP FROM orders WHERE ts > CURRENT_TIMESTAMP - INTERVAL '1' DAY

-- name: fields of a ROW column
-- kind: QUERY
-- reads: cat.db.events{payload}
SELECT e.payload.customer.id, payload.kind FROM events e

-- name: NATURAL JOIN leaves the columns unknown
-- kind: QUERY
-- reads: cat.db.a, cat.db.b
SELECT a.x FROM a NATURAL JOIN b

-- name: JOIN USING
-- kind: QUERY
-- reads: cat.db.a{k,x}, cat.db.b{k,y}
SELECT a.x, b.y FROM a JOIN b USING (k)

-- name: t.* reads all columns of t only
-- kind: QUERY
-- reads: cat.db.orders, cat.db.customers{id,name}
SELECT o.*, c.name FROM orders o JOIN customers c ON o.customer_id = c.id

-- name: renaming a table's columns hides them
-- kind: QUERY
-- reads: cat.db.orders
SELECT x.a FROM orders AS x (a, b, c)

-- name: query through a view reads its base table
-- kind: QUERY
-- reads: cat.db.orders{id,customer_id,amount}
-- views: cat.db.big_orders
SELECT id FROM big_orders

-- name: nested views
-- kind: QUERY
-- reads: cat.db.orders{id,customer_id,amount}
-- views: cat.db.big_orders, cat.db.customer_totals
SELECT customer_id, total FROM customer_totals

-- name: a view of another catalog resolves in its own scope
-- kind: QUERY
-- reads: other.sales.orders
-- views: other.sales.eu_orders
SELECT * FROM other.sales.eu_orders

-- name: a view stored as Flink expands it
-- kind: QUERY
-- reads: cat.db.customers{id,name}
-- views: cat.db.customer_names
SELECT name FROM customer_names

-- name: a temporary view is expanded, never reported as a table
-- kind: QUERY
-- reads: cat.db.orders{id,ts}
-- views: cat.db.recent_orders
SELECT id FROM recent_orders

-- name: a temporary table is not reported
-- kind: QUERY
SELECT * FROM scratch

-- name: the scope of the session decides
-- kind: QUERY
-- scope: hive.dw
-- reads: hive.dw.daily{id}, hive.staging.daily{id}
SELECT id FROM daily UNION SELECT id FROM staging.daily

-- ===================================================================== data changes

-- name: INSERT INTO ... SELECT
-- kind: INSERT
-- reads: cat.db.orders{id,amount}
-- writes: cat.db.sink
INSERT INTO sink SELECT id, amount FROM orders

-- name: INSERT with a column list and a static partition
-- kind: INSERT
-- reads: cat.db.orders{id,amount}
-- writes: hive.dw.daily{id,amount,dt}
INSERT INTO hive.dw.daily PARTITION (dt = '2024-01-01') (id, amount) SELECT id, amount FROM orders

-- name: INSERT OVERWRITE
-- kind: INSERT
-- reads: cat.db.orders{id,amount}
-- writes: hive.dw.daily
INSERT OVERWRITE hive.dw.daily PARTITION (dt = '2024-01-01') SELECT id, amount FROM orders

-- name: INSERT VALUES
-- kind: INSERT
-- writes: cat.db.sink
INSERT INTO sink VALUES (1, 'a'), (2, 'b')

-- name: INSERT into a temporary table writes no table
-- kind: INSERT
-- reads: cat.db.orders
INSERT INTO scratch SELECT * FROM orders

-- name: INSERT with hints on target and source
-- kind: INSERT
-- reads: cat.db.orders{id}
-- writes: cat.db.sink
INSERT INTO sink /*+ OPTIONS('sink.parallelism'='2') */
SELECT id FROM orders /*+ OPTIONS('scan.startup.mode'='latest-offset') */

-- name: INSERT from a window TVF with a lookup join
-- kind: INSERT
-- reads: cat.db.orders{amount,customer_id,ts}, mysql.crm.customers{id,country}
-- writes: cat.db.country_totals
INSERT INTO country_totals
SELECT c.country, t.window_start, SUM(t.amount)
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR)) AS t
JOIN mysql.crm.customers FOR SYSTEM_TIME AS OF t.window_time AS c ON t.customer_id = c.id
GROUP BY c.country, t.window_start, t.window_end

-- name: UPSERT INTO
-- kind: INSERT
-- reads: cat.db.orders{id}
-- writes: cat.db.sink
UPSERT INTO sink SELECT id FROM orders

-- name: EXECUTE INSERT
-- kind: INSERT
-- reads: cat.db.orders{id}
-- writes: cat.db.sink
EXECUTE INSERT INTO sink SELECT id FROM orders

-- name: EXECUTE STATEMENT SET
-- kind: STATEMENT_SET
-- reads: cat.db.orders{id,amount}, cat.db.clicks{user_id}
-- writes: cat.db.sink, cat.db.click_sink
EXECUTE STATEMENT SET
BEGIN
  INSERT INTO sink SELECT id, amount FROM orders;
  INSERT INTO click_sink SELECT user_id FROM clicks;
END

-- name: CREATE TABLE AS SELECT
-- kind: CREATE_TABLE_AS
-- reads: cat.db.orders{customer_id,amount}
-- writes: cat.db.totals
-- target: TABLE cat.db.totals
CREATE TABLE totals WITH ('connector' = 'print') AS
SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id

-- name: CREATE OR REPLACE TABLE AS SELECT
-- kind: REPLACE_TABLE_AS
-- reads: cat.db.orders{customer_id}
-- writes: hive.dw.totals
-- target: TABLE hive.dw.totals
CREATE OR REPLACE TABLE hive.dw.totals WITH ('connector' = 'filesystem') AS SELECT customer_id FROM orders

-- name: REPLACE TABLE AS SELECT from a view
-- kind: REPLACE_TABLE_AS
-- reads: cat.db.orders{id,customer_id,amount}
-- writes: cat.db.totals
-- views: cat.db.big_orders
-- target: TABLE cat.db.totals
REPLACE TABLE totals AS SELECT customer_id FROM big_orders

-- name: DELETE with a subquery
-- kind: DELETE
-- reads: cat.db.orders{status,customer_id}, cat.db.blocked{customer_id}
-- writes: cat.db.orders
DELETE FROM orders WHERE status = 'CANCELLED' OR customer_id IN (SELECT customer_id FROM blocked)

-- name: UPDATE
-- kind: UPDATE
-- reads: cat.db.orders{amount,id}
-- writes: cat.db.orders{status,amount}
UPDATE orders SET status = 'BIG', amount = amount * 1.1 WHERE id = 42

-- name: MERGE
-- kind: MERGE
-- reads: cat.db.customers{id}, cat.db.staged{id,name}
-- writes: cat.db.customers
MERGE INTO customers t USING staged s ON t.id = s.id
WHEN MATCHED THEN UPDATE SET name = s.name
WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)

-- name: TRUNCATE TABLE
-- kind: TRUNCATE_TABLE
-- writes: cat.db.sink
TRUNCATE TABLE sink

-- name: CALL a procedure
-- kind: CALL
-- target: PROCEDURE paimon.sys.compact
CALL paimon.sys.compact('db.orders')

-- ===================================================================== EXPLAIN and plans

-- name: EXPLAIN of an INSERT reads but does not write
-- kind: EXPLAIN
-- reads: cat.db.orders{id}
EXPLAIN INSERT INTO sink SELECT id FROM orders

-- name: EXPLAIN with details of a statement set
-- kind: EXPLAIN
-- reads: cat.db.orders{id}, cat.db.clicks{user_id}
EXPLAIN CHANGELOG_MODE, ESTIMATED_COST STATEMENT SET BEGIN
  INSERT INTO sink SELECT id FROM orders;
  INSERT INTO click_sink SELECT user_id FROM clicks;
END

-- name: EXPLAIN PLAN FOR a query through a view
-- kind: EXPLAIN
-- reads: cat.db.orders{id,customer_id,amount}
-- views: cat.db.big_orders
EXPLAIN PLAN FOR SELECT id FROM big_orders

-- name: DESCRIBE STATEMENT is an EXPLAIN
-- kind: EXPLAIN
-- reads: cat.db.orders{id}
DESCRIBE STATEMENT SELECT id FROM orders

-- name: COMPILE PLAN reads, writes nothing
-- kind: COMPILE_PLAN
-- reads: cat.db.orders{id}
COMPILE PLAN '/tmp/plan.json' FOR INSERT INTO sink SELECT id FROM orders

-- name: COMPILE AND EXECUTE PLAN runs the statement
-- kind: COMPILE_AND_EXECUTE_PLAN
-- reads: cat.db.orders{id}
-- writes: cat.db.sink
COMPILE AND EXECUTE PLAN '/tmp/plan.json' FOR INSERT INTO sink SELECT id FROM orders

-- name: EXECUTE PLAN from a file
-- kind: EXECUTE_PLAN
EXECUTE PLAN '/tmp/plan.json'

-- ===================================================================== tables and views

-- name: CREATE TABLE
-- kind: CREATE_TABLE
-- writes: cat.db.kafka_orders
-- target: TABLE cat.db.kafka_orders
CREATE TABLE kafka_orders (
  id BIGINT,
  amount DECIMAL(10, 2),
  ts TIMESTAMP(3),
  PRIMARY KEY (id) NOT ENFORCED,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'orders')

-- name: CREATE TEMPORARY TABLE
-- kind: CREATE_TABLE
-- target: temporary TABLE cat.db.tmp
CREATE TEMPORARY TABLE tmp (id INT) WITH ('connector' = 'datagen')

-- name: CREATE TABLE LIKE reads the table it copies
-- kind: CREATE_TABLE
-- reads: cat.db.orders
-- writes: cat.db.orders_copy
-- target: TABLE cat.db.orders_copy
CREATE TABLE orders_copy WITH ('connector' = 'blackhole') LIKE orders (EXCLUDING OPTIONS)

-- name: DROP TABLE
-- kind: DROP_TABLE
-- writes: hive.dw.legacy
-- target: TABLE hive.dw.legacy
DROP TABLE IF EXISTS hive.dw.legacy

-- name: DROP TEMPORARY TABLE
-- kind: DROP_TABLE
-- target: temporary TABLE cat.db.scratch
DROP TEMPORARY TABLE scratch

-- name: ALTER TABLE SET options
-- kind: ALTER_TABLE
-- writes: cat.db.orders
-- target: TABLE cat.db.orders
ALTER TABLE orders SET ('scan.startup.mode' = 'latest-offset')

-- name: ALTER TABLE RENAME writes both names
-- kind: ALTER_TABLE
-- writes: cat.db.orders, cat.db.orders_v1
-- target: TABLE cat.db.orders
ALTER TABLE orders RENAME TO orders_v1

-- name: ALTER TABLE ADD a column
-- kind: ALTER_TABLE
-- writes: cat.db.orders
-- target: TABLE cat.db.orders
ALTER TABLE orders ADD (note STRING COMMENT 'free text' AFTER id)

-- name: ALTER TABLE ADD PARTITION
-- kind: ALTER_TABLE
-- writes: hive.dw.daily
-- target: TABLE hive.dw.daily
ALTER TABLE hive.dw.daily ADD PARTITION (dt = '2024-01-02')

-- name: ALTER TABLE COMPACT a partition
-- kind: ALTER_TABLE
-- writes: hive.dw.daily
-- target: TABLE hive.dw.daily
ALTER TABLE hive.dw.daily PARTITION (dt = '2024-01-01') COMPACT

-- name: ANALYZE TABLE for some columns
-- kind: ANALYZE_TABLE
-- reads: hive.dw.daily{id,amount}
-- target: TABLE hive.dw.daily
ANALYZE TABLE hive.dw.daily PARTITION (dt = '2024-01-01') COMPUTE STATISTICS FOR COLUMNS id, amount

-- name: CREATE VIEW reads its query's tables and writes the view
-- kind: CREATE_VIEW
-- reads: cat.db.orders{id,customer_id,amount}, cat.db.customers{id,name}
-- writes: cat.db.order_view
-- target: VIEW cat.db.order_view
CREATE VIEW order_view (order_id, customer, amount) AS
SELECT o.id, c.name, o.amount FROM orders o JOIN customers c ON o.customer_id = c.id

-- name: CREATE TEMPORARY VIEW over a view
-- kind: CREATE_VIEW
-- reads: cat.db.orders{id,customer_id,amount}
-- views: cat.db.big_orders
-- target: temporary VIEW cat.db.tv
CREATE TEMPORARY VIEW tv AS SELECT * FROM big_orders

-- name: DROP VIEW
-- kind: DROP_VIEW
-- writes: cat.db.order_view
-- target: VIEW cat.db.order_view
DROP VIEW IF EXISTS order_view

-- name: DROP TEMPORARY VIEW
-- kind: DROP_VIEW
-- target: temporary VIEW cat.db.recent_orders
DROP TEMPORARY VIEW recent_orders

-- name: ALTER VIEW AS
-- kind: ALTER_VIEW
-- reads: cat.db.orders{id}
-- writes: cat.db.big_orders
-- target: VIEW cat.db.big_orders
ALTER VIEW big_orders AS SELECT id FROM orders

-- name: ALTER VIEW RENAME
-- kind: ALTER_VIEW
-- writes: cat.db.big_orders, cat.db.large_orders
-- target: VIEW cat.db.big_orders
ALTER VIEW big_orders RENAME TO large_orders

-- name: CREATE MATERIALIZED TABLE
-- kind: CREATE_MATERIALIZED_TABLE
-- reads: cat.db.orders{customer_id,ts,amount}
-- writes: paimon.dw.daily_totals
-- target: MATERIALIZED_TABLE paimon.dw.daily_totals
CREATE MATERIALIZED TABLE paimon.dw.daily_totals
PARTITIONED BY (dt)
WITH ('format' = 'json')
FRESHNESS = INTERVAL '1' HOUR
AS SELECT customer_id, DATE_FORMAT(ts, 'yyyy-MM-dd') AS dt, SUM(amount) AS total
FROM orders GROUP BY customer_id, DATE_FORMAT(ts, 'yyyy-MM-dd')

-- name: ALTER MATERIALIZED TABLE SUSPEND
-- kind: ALTER_MATERIALIZED_TABLE
-- writes: paimon.dw.daily_totals
-- target: MATERIALIZED_TABLE paimon.dw.daily_totals
ALTER MATERIALIZED TABLE paimon.dw.daily_totals SUSPEND

-- name: ALTER MATERIALIZED TABLE REFRESH
-- kind: ALTER_MATERIALIZED_TABLE
-- writes: paimon.dw.daily_totals
-- target: MATERIALIZED_TABLE paimon.dw.daily_totals
ALTER MATERIALIZED TABLE paimon.dw.daily_totals REFRESH PARTITION (dt = '2024-01-01')

-- name: DROP MATERIALIZED TABLE
-- kind: DROP_MATERIALIZED_TABLE
-- writes: paimon.dw.daily_totals
-- target: MATERIALIZED_TABLE paimon.dw.daily_totals
DROP MATERIALIZED TABLE IF EXISTS paimon.dw.daily_totals

-- ===================================================================== catalogs, databases, functions, models

-- name: CREATE CATALOG
-- kind: CREATE_CATALOG
-- target: CATALOG hive
CREATE CATALOG hive WITH ('type' = 'hive', 'hive-conf-dir' = '/etc/hive/conf')

-- name: DROP CATALOG
-- kind: DROP_CATALOG
-- target: CATALOG old_catalog
DROP CATALOG IF EXISTS old_catalog

-- name: ALTER CATALOG
-- kind: ALTER_CATALOG
-- target: CATALOG hive
ALTER CATALOG hive SET ('default-database' = 'dw')

-- name: USE CATALOG
-- kind: USE_CATALOG
-- target: CATALOG hive
USE CATALOG hive

-- name: CREATE DATABASE in another catalog
-- kind: CREATE_DATABASE
-- target: DATABASE hive.staging
CREATE DATABASE IF NOT EXISTS hive.staging COMMENT 'landing zone'

-- name: CREATE DATABASE in the current catalog
-- kind: CREATE_DATABASE
-- target: DATABASE cat.analytics
CREATE DATABASE analytics WITH ('owner' = 'team-a')

-- name: DROP DATABASE CASCADE
-- kind: DROP_DATABASE
-- target: DATABASE hive.staging
DROP DATABASE IF EXISTS hive.staging CASCADE

-- name: ALTER DATABASE
-- kind: ALTER_DATABASE
-- target: DATABASE cat.analytics
ALTER DATABASE analytics SET ('owner' = 'team-b')

-- name: USE a database of the current catalog
-- kind: USE_DATABASE
-- target: DATABASE cat.analytics
USE analytics

-- name: USE catalog.database
-- kind: USE_DATABASE
-- target: DATABASE hive.dw
USE hive.dw

-- name: CREATE FUNCTION
-- kind: CREATE_FUNCTION
-- target: FUNCTION cat.db.split_words
CREATE FUNCTION split_words AS 'com.example.SplitWords' LANGUAGE JAVA

-- name: CREATE TEMPORARY SYSTEM FUNCTION with a jar
-- kind: CREATE_FUNCTION
-- target: temporary FUNCTION to_upper
CREATE TEMPORARY SYSTEM FUNCTION to_upper AS 'com.example.Upper' USING JAR '/opt/udf.jar'

-- name: CREATE TEMPORARY FUNCTION in another catalog
-- kind: CREATE_FUNCTION
-- target: temporary FUNCTION hive.dw.mask
CREATE TEMPORARY FUNCTION hive.dw.mask AS 'com.example.Mask'

-- name: DROP FUNCTION
-- kind: DROP_FUNCTION
-- target: FUNCTION hive.dw.mask
DROP FUNCTION IF EXISTS hive.dw.mask

-- name: ALTER FUNCTION
-- kind: ALTER_FUNCTION
-- target: FUNCTION cat.db.split_words
ALTER FUNCTION split_words AS 'com.example.SplitWordsV2'

-- name: CREATE MODEL
-- kind: CREATE_MODEL
-- target: MODEL cat.db.sentiment
CREATE MODEL sentiment INPUT (text STRING) OUTPUT (label STRING) WITH ('provider' = 'openai')

-- name: ALTER MODEL
-- kind: ALTER_MODEL
-- target: MODEL cat.db.sentiment
ALTER MODEL sentiment RENAME TO sentiment_v2

-- name: DROP MODEL
-- kind: DROP_MODEL
-- target: MODEL cat.db.sentiment
DROP MODEL IF EXISTS sentiment

-- ===================================================================== session

-- name: SET with quotes
-- kind: SET
SET 'execution.runtime-mode' = 'batch'

-- name: SET without quotes (Flink matches it before its parser)
-- kind: SET
SET execution.runtime-mode = streaming

-- name: SET alone lists the options
-- kind: SET
SET

-- name: RESET with quotes
-- kind: RESET
RESET 'execution.runtime-mode'

-- name: RESET without quotes
-- kind: RESET
RESET table.exec.mini-batch.enabled

-- name: ALTER SESSION RESET
-- kind: RESET
ALTER SESSION RESET ALL

-- name: LOAD MODULE
-- kind: LOAD_MODULE
LOAD MODULE hive WITH ('hive-version' = '3.1.3')

-- name: UNLOAD MODULE
-- kind: UNLOAD_MODULE
UNLOAD MODULE hive

-- name: USE MODULES
-- kind: USE_MODULES
USE MODULES hive, core

-- name: ADD JAR
-- kind: ADD_JAR
ADD JAR '/opt/udfs.jar'

-- name: REMOVE JAR
-- kind: REMOVE_JAR
REMOVE JAR '/opt/udfs.jar'

-- name: BEGIN STATEMENT SET
-- kind: BEGIN_STATEMENT_SET
BEGIN STATEMENT SET

-- name: END
-- kind: END_STATEMENT_SET
END

-- name: STOP JOB
-- kind: STOP_JOB
STOP JOB '228d70913eab60dda85c5e7f78b5782c' WITH SAVEPOINT

-- name: HELP
-- kind: CLIENT_COMMAND
HELP

-- name: QUIT
-- kind: CLIENT_COMMAND
QUIT;

-- ===================================================================== SHOW and DESCRIBE

-- name: SHOW CATALOGS
-- kind: SHOW
SHOW CATALOGS

-- name: SHOW CURRENT DATABASE
-- kind: SHOW
SHOW CURRENT DATABASE

-- name: SHOW DATABASES of the current catalog
-- kind: SHOW
-- target: CATALOG cat
SHOW DATABASES

-- name: SHOW TABLES FROM a database
-- kind: SHOW
-- target: DATABASE hive.dw
SHOW TABLES FROM hive.dw LIKE 'ord%'

-- name: SHOW VIEWS
-- kind: SHOW
-- target: DATABASE cat.db
SHOW VIEWS

-- name: SHOW USER FUNCTIONS
-- kind: SHOW
-- target: DATABASE cat.db
SHOW USER FUNCTIONS

-- name: SHOW COLUMNS
-- kind: SHOW
-- target: TABLE cat.db.orders
SHOW COLUMNS FROM orders LIKE 'a%'

-- name: SHOW CREATE TABLE
-- kind: SHOW
-- target: TABLE hive.dw.daily
SHOW CREATE TABLE hive.dw.daily

-- name: SHOW CREATE VIEW
-- kind: SHOW
-- target: VIEW cat.db.big_orders
SHOW CREATE VIEW big_orders

-- name: SHOW CREATE CATALOG
-- kind: SHOW
-- target: CATALOG hive
SHOW CREATE CATALOG hive

-- name: SHOW PARTITIONS
-- kind: SHOW
-- target: TABLE hive.dw.daily
SHOW PARTITIONS hive.dw.daily PARTITION (dt = '2024-01-01')

-- name: SHOW PROCEDURES
-- kind: SHOW
-- target: DATABASE paimon.sys
SHOW PROCEDURES FROM paimon.sys

-- name: SHOW JOBS
-- kind: SHOW
SHOW JOBS

-- name: SHOW FULL MODULES
-- kind: SHOW
SHOW FULL MODULES

-- name: DESCRIBE a table
-- kind: DESCRIBE
-- target: TABLE cat.db.orders
DESCRIBE orders

-- name: DESC EXTENDED with a 3-part name
-- kind: DESCRIBE
-- target: TABLE hive.dw.daily
DESC EXTENDED hive.dw.daily

-- name: DESCRIBE a temporary table
-- kind: DESCRIBE
-- target: temporary TABLE cat.db.scratch
DESCRIBE scratch

-- name: DESCRIBE CATALOG
-- kind: DESCRIBE
-- target: CATALOG hive
DESCRIBE CATALOG hive

-- name: DESCRIBE DATABASE
-- kind: DESCRIBE
-- target: DATABASE hive.dw
DESCRIBE DATABASE hive.dw

-- name: DESCRIBE MODEL
-- kind: DESCRIBE
-- target: MODEL cat.db.sentiment
DESCRIBE MODEL sentiment

-- name: DESCRIBE JOB
-- kind: DESCRIBE
DESCRIBE JOB '228d70913eab60dda85c5e7f78b5782c'
