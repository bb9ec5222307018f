// expect-parse-error: 2:1
import fs = require("fs");
