// A TypeScript transformer for the CLI bundle: `for (const x of xs)` over what the type checker knows
// to be an array or a tuple becomes an indexed loop. Everything else (Maps, Sets, strings, iterators,
// `for await`) is left as written.
//
// Why: in a batch of a few hundred workbooks most of the engine and the rules never reach V8's
// optimising compiler; they run in the interpreter and the baseline compiler, where every step of a
// for-of is a call to the array iterator's next() and a fresh { value, done } object. Those objects
// were the largest single source of the main thread's allocations, and the calls a visible share of
// its instructions (docs/performance.md, session 13). An indexed loop does neither. The source keeps
// its for-of; only the CLI's compiled bundle changes.
//
// The loop means the same: the array is evaluated once, its length is read before every step (an
// element pushed during the loop is visited, as for-of visits it), a hole reads as undefined, and the
// loop variable is declared afresh inside the body each time, so a closure keeps its own element.
"use strict";
const ts = require("typescript");

/** Whether every constituent of `type` is an array or a tuple (readonly ones too). */
function isArrayOnly(checker, type) {
  if (type.isUnion()) return type.types.every((t) => isArrayOnly(checker, t));
  return checker.isArrayType(type) || checker.isTupleType(type);
}

/** @param {ts.TypeChecker} checker */
function indexedForOf(checker) {
  /** @param {ts.TransformationContext} context */
  return (context) => {
    const f = context.factory;
    /** @param {ts.Node} node */
    const visit = (node) => {
      if (ts.isForOfStatement(node) && !node.awaitModifier && isArrayOnly(checker, checker.getTypeAtLocation(node.expression))) {
        return indexed(f, node, ts.visitNode(node.expression, visit), ts.visitNode(node.statement, visit));
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (sourceFile) => ts.visitNode(sourceFile, visit);
  };
}

/**
 * for (let i = 0, a = EXPR; i < a.length; i++) { <const|let> x = a[i]; BODY }
 * `for (x of xs)` (an existing variable or a property) assigns instead of declaring.
 */
function indexed(f, node, expression, statement) {
  const i = f.createUniqueName("i");
  const a = f.createUniqueName("a");
  const element = f.createElementAccessExpression(a, i);
  let first;
  if (ts.isVariableDeclarationList(node.initializer)) {
    const decl = node.initializer.declarations[0];
    first = f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList([f.createVariableDeclaration(decl.name, undefined, undefined, element)], node.initializer.flags),
    );
  } else {
    first = f.createExpressionStatement(f.createAssignment(node.initializer, element));
  }
  const body = ts.isBlock(statement) ? [first, ...statement.statements] : [first, statement];
  const loop = f.createForStatement(
    f.createVariableDeclarationList(
      [f.createVariableDeclaration(i, undefined, undefined, f.createNumericLiteral(0)), f.createVariableDeclaration(a, undefined, undefined, expression)],
      ts.NodeFlags.Let,
    ),
    f.createLessThan(i, f.createPropertyAccessExpression(a, "length")),
    f.createPostfixIncrement(i),
    f.createBlock(body, true),
  );
  return ts.setTextRange(loop, node);
}

module.exports = { indexedForOf };
