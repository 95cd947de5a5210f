package wire

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDoRecordsAndDoesNotFollowRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, _ := r.Cookie("a"); c != nil {
			w.Header().Set("X-Cookie", c.Value)
		}
		http.Redirect(w, r, "/Login/Login.html", http.StatusFound)
	}))
	defer srv.Close()
	c := New(time.Second, 1<<10)
	ex, err := c.Do(context.Background(), "GET", srv.URL+"/x", nil, nil, []*http.Cookie{{Name: "a", Value: "1"}})
	require.NoError(t, err)
	assert.Equal(t, http.StatusFound, ex.Status)
	assert.Equal(t, "/Login/Login.html", ex.Header.Get("Location"))
	assert.Equal(t, "1", ex.Header.Get("X-Cookie"))
}

func TestBodiesAreCapped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 5000)))
	}))
	defer srv.Close()
	ex, err := New(time.Second, 100).Do(context.Background(), "GET", srv.URL, nil, nil, nil)
	require.NoError(t, err)
	assert.Len(t, ex.Body, 100)
	assert.True(t, ex.Truncated)
}

func TestTimeoutsAndUnreachableTargets(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-block }))
	defer srv.Close()
	defer close(block)
	ex, err := New(50*time.Millisecond, 100).Do(context.Background(), "GET", srv.URL, nil, nil, nil)
	require.Error(t, err)
	assert.True(t, NoAnswer(ex, err), "no status line before the timeout: %v", err)

	dead := httptest.NewServer(http.NotFoundHandler())
	url := dead.URL
	dead.Close()
	ex, err = New(time.Second, 100).Do(context.Background(), "GET", url, nil, nil, nil)
	assert.True(t, NoAnswer(ex, err), "%v", err)
	assert.False(t, NoAnswer(nil, context.Canceled))
	assert.False(t, NoAnswer(&Exchange{Status: 200}, assert.AnError), "a status line is an answer, however slow the body")
}
