package datacontract

import (
	"encoding/json"
	"testing"
)

// benchOrder is the same struct for both encoders: plain exported fields, so
// DCJS and encoding/json write comparable shapes (json without dates/guids).
type benchOrder struct {
	ID       int64
	Customer string
	Note     string
	Total    float64
	Paid     bool
	Lines    []benchLine
}

type benchLine struct {
	Sku   string
	Qty   int32
	Price float64
}

func benchValue() benchOrder {
	o := benchOrder{ID: 1234567, Customer: "Иван Петров / ACME", Note: "deliver <b>fast</b>\n", Total: 1234.56, Paid: true}
	for i := 0; i < 10; i++ {
		o.Lines = append(o.Lines, benchLine{Sku: "SKU-000" + string(rune('0'+i)), Qty: int32(i + 1), Price: 19.99 * float64(i+1)})
	}
	return o
}

func BenchmarkMarshal(b *testing.B) {
	v := benchValue()
	b.Run("datacontract", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Marshal(v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkUnmarshal(b *testing.B) {
	v := benchValue()
	dcData, _ := Marshal(v)
	jsData, _ := json.Marshal(v)
	b.Run("datacontract", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(dcData)))
		for b.Loop() {
			var out benchOrder
			if err := Unmarshal(dcData, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(jsData)))
		for b.Loop() {
			var out benchOrder
			if err := json.Unmarshal(jsData, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
}
