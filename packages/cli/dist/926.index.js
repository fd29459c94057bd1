export const id = 926;
export const ids = [926];
export const modules = {

/***/ 926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runSchemaCommand: () => (/* binding */ runSchemaCommand)
/* harmony export */ });
/* harmony import */ var _release_policy_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4815);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1168);


/** `release-policy schema`: the JSON Schema of the policy file, generated from the zod schema. */
function runSchemaCommand(args) {
    if (args.positionals.length > 0) {
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`"schema" takes no arguments, got ${JSON.stringify(args.positionals)}. Example: release-policy schema > release-policy.schema.json`);
    }
    const schema = (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .createPolicyJsonSchema */ .WZ)();
    // The schema is the document in both modes: --json prints it as is.
    return { exitCode: _io_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .d.ok, json: schema, text: JSON.stringify(schema, null, 2) };
}


/***/ })

};
