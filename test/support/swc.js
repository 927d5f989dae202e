// @swc/jest options shared by the API and browser test suites (TypeScript → CommonJS).
module.exports = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];
