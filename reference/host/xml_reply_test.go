package host

import (
	"encoding/xml"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/reference/services"
)

// GetContactXml (ResponseFormat=Xml) answers DataContractSerializer XML in both flavors: the
// Contact root in its CLR namespace, the enum by name, and the 404 fault detail in XML too.
func TestDemoXMLReply(t *testing.T) {
	for _, f := range []struct {
		flavor profile.Flavor
		prefix string
	}{{profile.NetFx, "/0"}, {profile.Net, ""}} {
		h := newTestHost(t, f.flavor)
		cs := loginAs(t, h, "Supervisor", "Supervisor")
		resp := do(h, "GET", f.prefix+"/rest/UsrDemoService/contacts/"+services.SupervisorID+"/xml", "", cs)
		body, _ := io.ReadAll(resp.Body)
		require.Equal(t, 200, resp.StatusCode, string(body))
		assert.Equal(t, "application/xml; charset=utf-8", resp.Header.Get("Content-Type"))
		var root struct {
			XMLName xml.Name
			Kind    string `xml:"Kind"`
			Phones  struct {
				Phone []struct{ Number string } `xml:"Phone"`
			} `xml:"Phones"`
		}
		require.NoError(t, xml.Unmarshal(body, &root), "well-formed: %s", body)
		assert.Equal(t, xml.Name{Space: "http://schemas.datacontract.org/2004/07/Terrasoft.Configuration.UsrDemoService", Local: "Contact"}, root.XMLName)
		assert.Equal(t, "Person", root.Kind)
		assert.Len(t, root.Phones.Phone, 1)
		assert.Contains(t, string(body), `<Tags xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><a:KeyValueOfstringstring><a:Key>source</a:Key>`)

		resp = do(h, "GET", f.prefix+"/rest/UsrDemoService/contacts/nobody/xml", "", cs)
		body, _ = io.ReadAll(resp.Body)
		assert.Equal(t, 404, resp.StatusCode)
		assert.Equal(t, `<ErrorInfo xmlns="http://schemas.datacontract.org/2004/07/Terrasoft.Configuration.UsrDemoService" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Code>NotFound</Code><Message>no contact with this id</Message></ErrorInfo>`, string(body))
	}
}
