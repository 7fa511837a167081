// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file kinerja.hpp
/// Everything of kinerja (but the opt-in json.hpp and fmt.hpp, which need nlohmann/json and
/// fmt). Include the single headers to compile less.

#include <kinerja/achievement.hpp>
#include <kinerja/arrays.hpp>
#include <kinerja/audit.hpp>
#include <kinerja/batch.hpp>
#include <kinerja/catalog.hpp>
#include <kinerja/check.hpp>
#include <kinerja/conventions.hpp>
#include <kinerja/diff.hpp>
#include <kinerja/error.hpp>
#include <kinerja/finding.hpp>
#include <kinerja/indices.hpp>
#include <kinerja/io.hpp>
#include <kinerja/lkjip.hpp>
#include <kinerja/number.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/plan_values.hpp>
#include <kinerja/rollup.hpp>
#include <kinerja/rounding.hpp>
#include <kinerja/scale.hpp>
#include <kinerja/strategy.hpp>
#include <kinerja/unit_registry.hpp>
#include <kinerja/units.hpp>
#include <kinerja/validation.hpp>
#include <kinerja/value.hpp>
#include <kinerja/value_kind.hpp>
#include <kinerja/version.hpp>
