// Expected<T, E> with the std::expected subset we use, and Result<T> =
// Expected<T, Error>. Expected failures are return values, never exceptions.
#pragma once

#include <cstdlib>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/error.h"

namespace wp {

template <typename E>
class Unexpected {
 public:
  explicit Unexpected(E e) : error_(std::move(e)) {}
  const E& error() const& { return error_; }
  E&& error() && { return std::move(error_); }

 private:
  E error_;
};

template <typename E>
Unexpected(E) -> Unexpected<E>;

template <typename T, typename E>
class [[nodiscard]] Expected {
 public:
  Expected()
    requires std::is_default_constructible_v<T>
      : v_(std::in_place_index<0>) {}
  Expected(const T& v) : v_(std::in_place_index<0>, v) {}  // NOLINT(implicit)
  Expected(T&& v) : v_(std::in_place_index<0>, std::move(v)) {}  // NOLINT(implicit)
  template <typename U>
    requires(std::is_constructible_v<T, U &&> && !std::is_same_v<std::decay_t<U>, T> &&
             !std::is_same_v<std::decay_t<U>, Expected> && !std::is_same_v<std::decay_t<U>, Unexpected<E>> &&
             !std::is_same_v<std::decay_t<U>, E>)
  Expected(U&& v) : v_(std::in_place_index<0>, T(std::forward<U>(v))) {}  // NOLINT(implicit)
  Expected(const Unexpected<E>& u) : v_(std::in_place_index<1>, u.error()) {}  // NOLINT(implicit)
  Expected(Unexpected<E>&& u) : v_(std::in_place_index<1>, std::move(u).error()) {}  // NOLINT(implicit)
  Expected(const E& e) : v_(std::in_place_index<1>, e) {}  // NOLINT(implicit)
  Expected(E&& e) : v_(std::in_place_index<1>, std::move(e)) {}  // NOLINT(implicit)

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { Check(); return std::get<0>(v_); }
  const T& value() const& { Check(); return std::get<0>(v_); }
  T&& value() && { Check(); return std::get<0>(std::move(v_)); }
  const E& error() const& { return std::get<1>(v_); }
  E&& error() && { return std::get<1>(std::move(v_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  template <typename U>
  T value_or(U&& other) const& { return has_value() ? std::get<0>(v_) : T(std::forward<U>(other)); }

 private:
  void Check() const {
    if (!has_value()) std::abort();  // value() on an error is a programming bug
  }
  std::variant<T, E> v_;
};

// Expected<void, E>: success carries nothing.
template <typename E>
class [[nodiscard]] Expected<void, E> {
 public:
  Expected() = default;
  Expected(const Unexpected<E>& u) : error_(u.error()), ok_(false) {}  // NOLINT(implicit)
  Expected(Unexpected<E>&& u) : error_(std::move(u).error()), ok_(false) {}  // NOLINT(implicit)
  Expected(const E& e) : error_(e), ok_(false) {}  // NOLINT(implicit)
  Expected(E&& e) : error_(std::move(e)), ok_(false) {}  // NOLINT(implicit)
  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  void value() const {
    if (!ok_) std::abort();
  }
  const E& error() const& { return error_; }
  E&& error() && { return std::move(error_); }

 private:
  E error_{};
  bool ok_ = true;
};

template <typename T>
using Result = Expected<T, Error>;

inline Result<void> Ok() { return {}; }

}  // namespace wp

// Evaluates `expr` (a Result); on error returns the error from the enclosing
// function, otherwise yields nothing. Use for Result<void>.
#define WP_TRY_VOID(expr)                                    \
  do {                                                       \
    auto wp_try_result_ = (expr);                            \
    if (!wp_try_result_.has_value()) return std::move(wp_try_result_).error(); \
  } while (0)

#define WP_CONCAT_INNER(a, b) a##b
#define WP_CONCAT(a, b) WP_CONCAT_INNER(a, b)
// WP_ASSIGN_OR_RETURN(auto x, Expr()) declares x from a Result or returns its error.
#define WP_ASSIGN_OR_RETURN(decl, expr) WP_ASSIGN_OR_RETURN_IMPL(WP_CONCAT(wp_r_, __LINE__), decl, expr)
#define WP_ASSIGN_OR_RETURN_IMPL(tmp, decl, expr) \
  auto tmp = (expr);                              \
  if (!tmp.has_value()) return std::move(tmp).error(); \
  decl = std::move(tmp).value()
