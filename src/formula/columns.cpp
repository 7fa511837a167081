// SPDX-License-Identifier: Apache-2.0
// Input columns bound to a program's variables: names with labels ("x[sex=F]") matched to the
// variables' filters, and the previous()/ytd() columns computed before the blocks run (program.hpp
// lists the stages).
#include "ops.hpp"
#include "program.hpp"

#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <algorithm>

namespace kinerja {
namespace detail {

using opdef::nan;

column_name split_column(const std::string& name) {
    column_name c;
    const std::size_t open = name.find('[');
    if (open == std::string::npos || name.back() != ']') {
        c.family = std::string(kinerja::detail::trim(name));
        return c;
    }
    c.family = std::string(kinerja::detail::trim(std::string_view(name).substr(0, open)));
    std::string_view inside = std::string_view(name).substr(open + 1, name.size() - open - 2);
    while (!inside.empty()) {
        const std::size_t comma = inside.find(',');
        std::string_view part = inside.substr(0, comma);
        const std::size_t eq = part.find('=');
        std::string key(kinerja::detail::trim(part.substr(0, eq)));
        std::string val =
            eq == std::string_view::npos ? std::string() : std::string(kinerja::detail::trim(part.substr(eq + 1)));
        if (val.size() >= 2 && (val.front() == '"' || val.front() == '\'') && val.back() == val.front())
            val = val.substr(1, val.size() - 2);
        c.labels.emplace_back(std::move(key), std::move(val));
        if (comma == std::string_view::npos) break;
        inside.remove_prefix(comma + 1);
    }
    return c;
}

bool matches(const column_name& c, const slot& s) {
    if (c.family != s.family) return false;
    for (const filter& f : s.filters) {
        auto it = std::find_if(c.labels.begin(), c.labels.end(), [&](const auto& l) { return l.first == f.dim; });
        if (it == c.labels.end()) return false;
        if (f.value && it->second != *f.value) return false;
    }
    return true;
}

std::string describe(const slot& s) {
    std::string out = s.family;
    if (!s.filters.empty()) {
        out += "[";
        for (std::size_t i = 0; i < s.filters.size(); ++i)
            out += (i ? "," : "") + s.filters[i].dim + (s.filters[i].value ? "=\"" + *s.filters[i].value + "\"" : "");
        out += "]";
    }
    return out;
}

// Throws kinerja.argument.formula_data naming every variable of `p` that none of `names` matches:
// one check, one message, for columns and for scalars (a variable absent from the data is an
// error; a variable present with a missing value is missing data).
void require_variables(const program& p, const std::vector<column_name>& names) {
    std::vector<std::string> absent;
    for (const slot& s : p.slots) {
        if (std::any_of(names.begin(), names.end(), [&](const column_name& c) { return matches(c, s); })) continue;
        const std::string d = describe(s);
        if (std::find(absent.begin(), absent.end(), d) == absent.end()) absent.push_back(d);
    }
    if (absent.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < absent.size(); ++i)
        list += (i == 0 ? "" : i + 1 == absent.size() ? " and " : ", ") + absent[i];
    throw argument_error("kinerja.argument.formula_data",
                         "formula \"" + p.text + "\" needs " + list + ", which the data does not have");
}

bound bind(const program& p, const formula_columns& cols) {
    const bool zero = p.options.missing == missing_strategy::zero;
    std::vector<column_name> names;
    names.reserve(cols.columns.size());
    for (const auto& c : cols.columns) names.push_back(split_column(c.first));
    require_variables(p, names);
    bound b;
    b.single.assign(p.slots.size(), nullptr);
    b.many.assign(p.slots.size(), {});
    b.derived.resize(p.slots.size());
    for (std::size_t i = 0; i < p.slots.size(); ++i) {
        const slot& s = p.slots[i];
        std::vector<const double*> found;
        for (std::size_t k = 0; k < names.size(); ++k)
            if (matches(names[k], s)) found.push_back(cols.columns[k].second);
        if (found.empty())
            throw argument_error("kinerja.argument.formula_data",
                                 "formula \"" + p.text + "\" needs " + describe(s) + ", which the data does not have");
        if (s.many) {
            b.many[i] = found;
            continue;
        }
        if (found.size() > 1)
            throw argument_error("kinerja.argument.formula_data",
                                 "variable " + describe(s) + " of formula \"" + p.text + "\" matches " +
                                     std::to_string(found.size()) +
                                     " columns; aggregate it (sum, mean, min, max, count) or filter it to one");
        b.single[i] = found.front();
        if (s.derived == op::previous || s.derived == op::ytd) {
            std::vector<double>& d = b.derived[i];
            d.assign(cols.rows, nan);
            const double* x = found.front();
            double running = 0.0;
            for (std::size_t r = 0; r < cols.rows; ++r) {
                const bool new_group = r == 0 || (cols.group && cols.group[r] != cols.group[r - 1]);
                const bool new_year = new_group || (cols.year && cols.year[r] != cols.year[r - 1]);
                if (s.derived == op::previous) {
                    d[r] = new_group ? nan : (zero && x[r - 1] != x[r - 1] ? 0.0 : x[r - 1]);
                } else {
                    if (new_year) running = 0.0;
                    // a missing month makes the rest of the year missing, unless missing counts as 0
                    running += (zero && x[r] != x[r]) ? 0.0 : x[r];
                    d[r] = running;
                }
            }
            b.single[i] = d.data();
        }
    }
    return b;
}

}  // namespace detail
}  // namespace kinerja
